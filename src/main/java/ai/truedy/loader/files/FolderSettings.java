package ai.truedy.loader.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;

import ai.truedy.loader.contacts.ColumnMapping;
import ai.truedy.loader.contacts.ZoneRouting;
import ai.truedy.loader.intake.Approvals;
import ai.truedy.loader.intake.FolderProperties;
import ai.truedy.loader.intake.IntakeFile;
import ai.truedy.loader.intake.UnreadableFileException;
import org.apache.camel.util.TimeUtils;

/**
 * An inbox sub-folder's own settings for the files in it, in {@value #FILE} beside them (the same
 * lines as in application.properties): its column names ({@code loader.columns.*}) and its batch
 * call's weight when batch calls take turns ({@code loader.priority}) and how long back its rows
 * look for numbers their batch call already has ({@code loader.sent-memory}) and which batch call
 * each contact goes to by its time zones ({@code loader.by-zone.*}: the folder's lines replace the
 * loader's). {@value #COLUMNS_FILE}, the
 * name folders had when they could set only columns, is still read; where both exist,
 * {@value #FILE} wins. Hidden files, they are never loaded as contacts.
 *
 * @param file     the settings file found, for messages: {@value #FILE} unless only {@value #COLUMNS_FILE} is there
 * @param columns  the folder's column names, over the loader's own
 * @param priority {@code loader.priority}: the folder's, else the loader's
 * @param sentMemory {@code loader.sent-memory}: the folder's when shorter, else the loader's
 * @param byZone   {@code loader.by-zone.*}: the folder's when it sets any, else the loader's
 */
record FolderSettings(String file, ColumnMapping columns, int priority, Duration sentMemory, ZoneRouting byZone) {

    static final String FILE = FolderProperties.FILE;
    static final String COLUMNS_FILE = ".columns.properties";
    static final String PRIORITY = "loader.priority";
    static final String SENT_MEMORY = "loader.sent-memory";
    static final int MAX_PRIORITY = 100;
    /** 0, or a number with a unit, or several: 30d, 12h, 1h30m, 500ms. */
    private static final Pattern DURATION = Pattern.compile("0|(\\d+(ms|s|m|h|d))+");

    /**
     * Reads the settings of the file's folder: unknown names and bad values refuse the file, saying which.
     *
     * @param loaderSentMemory how long back its rows look for numbers their batch call has: the folder's
     *                         own may only be shorter ({@code 0}: send every row again)
     */
    static FolderSettings of(IntakeFile file, int loaderPriority, Duration loaderSentMemory, ZoneRouting loaderByZone)
            throws IOException, UnreadableFileException {
        Path own = file.path().resolveSibling(FILE);
        Path columnsOnly = file.path().resolveSibling(COLUMNS_FILE);
        String name = !Files.isRegularFile(own) && Files.isRegularFile(columnsOnly) ? COLUMNS_FILE : FILE;
        Properties lines = FolderProperties.read(columnsOnly, own);
        for (String key : lines.stringPropertyNames()) {
            if (!key.equals(PRIORITY) && !key.equals(SENT_MEMORY) && !key.equals(Approvals.SETTING)
                    && !key.startsWith(ZoneRouting.PREFIX) && !ColumnMapping.KEYS.contains(columnKey(key))) {
                TreeSet<String> known = new TreeSet<>(ColumnMapping.KEYS.stream().map(k -> ColumnMapping.PREFIX + k).toList());
                known.add(PRIORITY);
                known.add(SENT_MEMORY);
                known.add(Approvals.SETTING);
                known.add(ZoneRouting.PREFIX + "<batch call id>");
                throw new UnreadableFileException(where(file, name) + " has an unknown setting '" + key + "'; it may set "
                        + known);
            }
        }
        checkApproval(lines.getProperty(Approvals.SETTING), where(file, name));
        ColumnMapping columns = ColumnMapping.of(key -> Optional.ofNullable(lines.getProperty(key))
                .or(() -> Optional.ofNullable(lines.getProperty(columnKey(key)))));
        return new FolderSettings(name, columns, priority(lines.getProperty(PRIORITY), loaderPriority, where(file, name)),
                sentMemory(lines.getProperty(SENT_MEMORY), loaderSentMemory, where(file, name)),
                byZone(lines, loaderByZone, where(file, name)));
    }

    /** The folder's {@code loader.by-zone.*} lines, when it has any; a bad one refuses the file, naming it. */
    private static ZoneRouting byZone(Properties lines, ZoneRouting loaderByZone, String where)
            throws UnreadableFileException {
        Map<String, String> own = new TreeMap<>();
        lines.stringPropertyNames().stream().filter(key -> key.startsWith(ZoneRouting.PREFIX))
                .forEach(key -> own.put(key, lines.getProperty(key)));
        if (own.isEmpty()) {
            return loaderByZone;
        }
        try {
            return ZoneRouting.of(own);
        } catch (ZoneRouting.Invalid e) {
            throw new UnreadableFileException(where + ": " + e.getMessage());
        }
    }

    /** How messages name the settings file of the file's folder: "the inbox's bc_1/.loader.properties". */
    String where(IntakeFile intake) {
        return where(intake, file);
    }

    private static String where(IntakeFile file, String name) {
        int slash = file.relativePath().lastIndexOf('/');
        return "the inbox's " + (slash < 0 ? "" : file.relativePath().substring(0, slash + 1)) + name;
    }

    /** {@code loader.approval}: none or required; anything else refuses the file, rather than loading it unapproved. */
    private static void checkApproval(String value, String where) throws UnreadableFileException {
        if (value != null && !List.of("none", "required").contains(value.strip().toLowerCase(Locale.ROOT))) {
            throw new UnreadableFileException(where + " sets " + Approvals.SETTING + " = '" + value.strip()
                    + "'; it must be none or required");
        }
    }

    /** A column setting may be written with or without its prefix: {@code phone} or {@code loader.columns.phone}. */
    private static String columnKey(String key) {
        return key.startsWith(ColumnMapping.PREFIX) ? key.substring(ColumnMapping.PREFIX.length()) : key;
    }

    private static Duration sentMemory(String value, Duration loaderSentMemory, String where)
            throws UnreadableFileException {
        if (value == null) {
            return loaderSentMemory;
        }
        String text = value.strip();
        Duration own = DURATION.matcher(text).matches() ? Duration.ofMillis(TimeUtils.toMilliSeconds(text)) : null;
        if (own == null) {
            throw new UnreadableFileException(where + " sets " + SENT_MEMORY + " = '" + value.strip() + "'; it must be"
                    + " a duration such as 7d, 12h or 30m, or 0 to send every row of the folder's files again");
        }
        return own.compareTo(loaderSentMemory) < 0 ? own : loaderSentMemory;
    }

    private static int priority(String value, int loaderPriority, String where) throws UnreadableFileException {
        if (value == null) {
            return loaderPriority;
        }
        try {
            int priority = Integer.parseInt(value.strip());
            if (priority >= 1 && priority <= MAX_PRIORITY) {
                return priority;
            }
        } catch (NumberFormatException notANumber) {
            // said below
        }
        throw new UnreadableFileException(where + " sets " + PRIORITY + " = '" + value.strip() + "'; it must be a whole"
                + " number from 1 to " + MAX_PRIORITY + " (turns for each turn of a batch call with priority 1)");
    }
}
