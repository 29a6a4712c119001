package dev.playground.guard;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Checks, before any work, that an output can be written: a file whose folder exists, or a folder that exists or
 * can be made in an existing one. Missing folders are not created: a typo in a path is refused, not obeyed. A
 * check tries what the write will do (opens the file for appending, or creates and removes a probe) and leaves
 * everything as it found it. Stateless and thread-safe.
 */
public final class OutputPaths {
  private OutputPaths() {}

  /** Null if {@code file} can be written as a regular file (new or replaced); otherwise why not, in a few words. */
  public static String fileProblem(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    if (Files.isDirectory(absolute)) return "is a folder; give a file name";
    if (Files.exists(absolute) && !Files.isRegularFile(absolute))
      return "is not a regular file (a device or a pipe)";
    String folder = folderProblem(absolute.getParent());
    if (folder != null) return folder;
    try {
      if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
        try (OutputStream probe = Files.newOutputStream(absolute, StandardOpenOption.APPEND)) {
          // opened for writing: the run may replace it
        }
      } else {
        Files.newOutputStream(absolute, StandardOpenOption.CREATE_NEW).close();
        Files.delete(absolute);
      }
      return null;
    } catch (IOException e) {
      return reason(e);
    }
  }

  /** Null if {@code dir} is a folder files can be written into, or can be made in an existing folder. */
  public static String directoryProblem(Path dir) {
    Path absolute = dir.toAbsolutePath().normalize();
    try {
      if (Files.isDirectory(absolute)) {
        Path probe = Files.createTempFile(absolute, ".write-check-", ".tmp");
        Files.delete(probe);
        return null;
      }
      if (Files.exists(absolute)) return "is a file, not a folder";
      String parent = folderProblem(absolute.getParent());
      if (parent != null) return parent;
      Files.createDirectory(absolute);
      Files.delete(absolute);
      return null;
    } catch (IOException e) {
      return reason(e);
    }
  }

  /** As {@link #fileProblem}, thrown: "--out /nonexistent/x.jsonl: its folder /nonexistent does not exist". */
  public static void checkFile(String what, Path file) {
    String problem = fileProblem(file);
    if (problem != null) throw new IllegalArgumentException(what + " " + Quote.plain(file.toString()) + ": " + problem);
  }

  /** As {@link #directoryProblem}, thrown. */
  public static void checkDirectory(String what, Path dir) {
    String problem = directoryProblem(dir);
    if (problem != null) throw new IllegalArgumentException(what + " " + Quote.plain(dir.toString()) + ": " + problem);
  }

  private static String folderProblem(Path folder) {
    if (folder == null) return "has no folder";
    if (!Files.exists(folder)) return "its folder " + Quote.plain(folder.toString()) + " does not exist";
    if (!Files.isDirectory(folder)) return Quote.plain(folder.toString()) + " is not a folder";
    return null;
  }

  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException) return "permission denied";
    if (e instanceof FileSystemException f && f.getReason() != null) return f.getReason();
    if (e instanceof NoSuchFileException) return "cannot be made in that folder";
    if (e instanceof FileSystemException) return "cannot be written there";
    return e.getMessage() == null ? e.getClass().getSimpleName() : Quote.plain(e.getMessage());
  }
}
