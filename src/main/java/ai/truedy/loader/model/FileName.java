package ai.truedy.loader.model;

/**
 * A file's name split at its last dot, as its outputs are named: {@code list.csv} is {@code list}
 * and {@code csv}. A name without a dot, or whose only dot is its first character, has no extension.
 *
 * @param base      the name without its extension
 * @param extension what follows the last dot, as the name has it; empty when there is none
 */
public record FileName(String base, String extension) {

    public static FileName of(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? new FileName(name.substring(0, dot), name.substring(dot + 1)) : new FileName(name, "");
    }

    /** The name again: {@code base.extension}, or the base alone when there is no extension. */
    public String name() {
        return extension.isEmpty() ? base : base + "." + extension;
    }
}
