package ai.truedy.loader.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.spi.IdempotentRepository;

/**
 * The claims of a preview ({@code --preview}), in place of a load's: a file is taken once, and again
 * once it has changed (its path, size and time of last change), however often the inbox is polled,
 * since a preview leaves every file where it is. The last {@value #KEPT} files are remembered.
 */
public final class PreviewedFiles implements IdempotentRepository {

    private static final int KEPT = 10_000;

    private final Map<String, Boolean> previewed = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > KEPT;
        }
    };

    /** Takes the file (its absolute path) unless it was previewed as it is now. */
    @Override
    public synchronized boolean add(String key) {
        String now = asItIsNow(key);
        return now != null && previewed.put(now, Boolean.TRUE) == null;
    }

    @Override
    public synchronized boolean contains(String key) {
        String now = asItIsNow(key);
        return now != null && previewed.containsKey(now);
    }

    /** The file was finished, or left: it stays previewed as it is. */
    @Override
    public boolean remove(String key) {
        return false;
    }

    @Override
    public boolean confirm(String key) {
        return true;
    }

    @Override
    public synchronized void clear() {
        previewed.clear();
    }

    @Override
    public void start() {
    }

    @Override
    public void stop() {
    }

    private static String asItIsNow(String key) {
        try {
            BasicFileAttributes file = Files.readAttributes(Path.of(key), BasicFileAttributes.class);
            return key + "|" + file.size() + "|" + file.lastModifiedTime().toMillis();
        } catch (IOException gone) {
            return null;
        }
    }
}
