package dev.playground.ui.files;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the file picker shows and decides, without a screen: the folder, its entries (folders first, then the
 * files of the wanted kind), the name typed, and the path chosen or the rule a bad choice breaks. Not
 * thread-safe: FX thread (reading a folder is quick; the picker only lists names).
 */
public final class FilePickerModel {
  /** What is being picked. */
  public enum Mode {
    /** A file to write: a name is typed (an extension is added when missing). */
    SAVE_FILE,
    /** An existing file to read. */
    OPEN_FILE,
    /** A folder to write into. */
    FOLDER
  }

  /** Most entries listed: a folder with more shows the first ones and says so. */
  static final int MAX_ENTRIES = 2_000;

  private final Mode mode;
  private final String extension;
  private final ReadOnlyObjectWrapper<Path> folder = new ReadOnlyObjectWrapper<>();
  private final ObservableList<String> entries = FXCollections.observableArrayList();
  private final StringProperty name = new SimpleStringProperty("");
  private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

  /** @param extension the files shown and added to a typed name (".jsonl"), or null for any */
  public FilePickerModel(Mode mode, Path start, String extension, String initialName) {
    this.mode = mode;
    this.extension = extension;
    name.set(initialName == null ? "" : initialName);
    open(start == null || !Files.isDirectory(start) ? home() : start);
  }

  public Mode mode() { return mode; }

  public ReadOnlyObjectProperty<Path> folderProperty() { return folder.getReadOnlyProperty(); }

  /** "folder/" entries first, then files; "../" first when there is a parent. */
  public ObservableList<String> entries() { return entries; }

  public StringProperty nameProperty() { return name; }

  /** Why the choice cannot be taken, or "". */
  public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }

  /** Shows {@code dir}'s entries. */
  public void open(Path dir) {
    Path d = dir.toAbsolutePath().normalize();
    List<String> dirs = new ArrayList<>();
    List<String> files = new ArrayList<>();
    try (DirectoryStream<Path> list = Files.newDirectoryStream(d)) {
      for (Path p : list) {
        if (dirs.size() + files.size() >= MAX_ENTRIES) break;
        String n = p.getFileName().toString();
        if (n.startsWith(".")) continue;
        if (Files.isDirectory(p)) dirs.add(n + "/");
        else if (mode != Mode.FOLDER && (extension == null || n.toLowerCase(Locale.ROOT).endsWith(extension))) files.add(n);
      }
      problem.set("");
    } catch (IOException | SecurityException e) {
      problem.set(d + " cannot be read (" + e.getMessage() + ")");
      return;
    }
    dirs.sort(Comparator.comparing(s -> s.toLowerCase(Locale.ROOT)));
    files.sort(Comparator.comparing(s -> s.toLowerCase(Locale.ROOT)));
    List<String> all = new ArrayList<>();
    if (d.getParent() != null) all.add("../");
    all.addAll(dirs);
    all.addAll(files);
    folder.set(d);
    entries.setAll(all);
  }

  /** An entry was opened (double click, Enter): a folder is entered, a file is chosen as the name. */
  public Optional<Path> activate(String entry) {
    if (entry == null) return Optional.empty();
    if (entry.equals("../")) {
      open(folder.get().getParent());
      return Optional.empty();
    }
    if (entry.endsWith("/")) {
      open(folder.get().resolve(entry.substring(0, entry.length() - 1)));
      return Optional.empty();
    }
    name.set(entry);
    return choose();
  }

  /** An entry was selected: a file's name fills the name field. */
  public void select(String entry) {
    if (entry != null && !entry.endsWith("/") && mode != Mode.FOLDER) name.set(entry);
  }

  /** The path chosen, or empty with {@link #problemProperty()} saying which rule the choice breaks. */
  public Optional<Path> choose() {
    Path dir = folder.get();
    if (mode == Mode.FOLDER) {
      if (!Files.isWritable(dir)) return refuse("the folder " + dir + " cannot be written");
      return accept(dir);
    }
    String n = name.get() == null ? "" : name.get().strip();
    if (n.isEmpty()) return refuse("the file name must not be empty");
    if (n.contains("/") || n.contains("\\") || n.equals(".") || n.equals(".."))
      return refuse("the file name must be a name, not a path, was \"" + n + "\"");
    if (mode == Mode.SAVE_FILE && extension != null && !n.toLowerCase(Locale.ROOT).endsWith(extension)) n += extension;
    Path file;
    try {
      file = dir.resolve(n);
    } catch (InvalidPathException e) {
      return refuse("the file name is not allowed here: " + e.getReason());
    }
    if (mode == Mode.OPEN_FILE && !Files.isRegularFile(file)) return refuse(n + " is not a file in " + dir);
    if (mode == Mode.SAVE_FILE && !Files.isWritable(dir)) return refuse("the folder " + dir + " cannot be written");
    if (mode == Mode.SAVE_FILE && Files.isDirectory(file)) return refuse(n + " is a folder");
    return accept(file);
  }

  private Optional<Path> refuse(String why) {
    problem.set(why);
    return Optional.empty();
  }

  private Optional<Path> accept(Path p) {
    problem.set("");
    return Optional.of(p);
  }

  private static Path home() {
    return Path.of(System.getProperty("user.home", ".")).toAbsolutePath();
  }
}
