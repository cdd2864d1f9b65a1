package ai.truedy.loader.intake;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class WholeFilesTest {

    @TempDir
    Path inbox;

    private final WholeFiles whole = new WholeFiles();

    @Test
    void a_file_moved_in_whole_is_whole_until_it_is_written_to() throws Exception {
        Path file = Files.writeString(inbox.resolve("list.retry-1.csv"), "phone\n+12127361001\n");
        whole.movedIn(file);
        assertThat(whole.isWhole(inbox.resolve("list.retry-1.csv"))).isTrue();

        Files.writeString(file, "+12127361002\n", StandardOpenOption.APPEND);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));

        assertThat(whole.isWhole(file)).as("written to since it was moved: it settles like any other").isFalse();
    }

    @Test
    void other_files_and_files_gone_are_not_whole() throws Exception {
        Path moved = Files.writeString(inbox.resolve("a.retry-1.csv"), "phone\n");
        Path dropped = Files.writeString(inbox.resolve("b.csv"), "phone\n");
        whole.movedIn(moved);
        Files.delete(moved);
        whole.forgetGone();

        assertThat(whole.isWhole(dropped)).isFalse();
        assertThat(whole.isWhole(moved)).isFalse();
    }
}
