package ai.truedy.loader.files;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.component.file.GenericFile;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Which inbox file is taken when: the claims the inbox route takes files with, one call at a time. */
class InboxTurnsTest {

    @TempDir
    Path inbox;

    final List<String> pollsAsked = new ArrayList<>();

    InboxTurns turns(int parallelFiles) {
        return new InboxTurns(MemoryIdempotentRepository.memoryIdempotentRepository(), file -> true,
                new InboxTurns.Settings(inbox, parallelFiles, true, Duration.ZERO, Duration.ofMillis(1), true),
                InboxTurns.Elsewhere.NONE, () -> false, () -> pollsAsked.add("now"));
    }

    String file(String path) throws Exception {
        Path file = inbox.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "phone\n+12125550123\n");
        return file.toString();
    }

    @Test
    void a_folders_later_file_waits_for_an_earlier_one_that_was_refused_even_once_the_folder_is_free() throws Exception {
        InboxTurns turns = turns(4);
        String first = file("bc_1/a.csv");
        String second = file("bc_1/b.csv");
        String third = file("bc_1/c.csv");

        assertThat(turns.add(first)).isTrue();
        assertThat(turns.add(second)).as("its folder is busy").isFalse();
        turns.remove(first); // done, while the rest of the listing is still being offered
        assertThat(turns.add(third)).as("the second arrived first").isFalse();
        assertThat(turns.add(second)).isTrue();
        turns.remove(second);
        assertThat(turns.add(third)).isTrue();
    }

    @Test
    void a_file_refused_for_want_of_a_place_also_goes_before_its_folders_later_files() throws Exception {
        InboxTurns turns = turns(1);
        String other = file("bc_2/x.csv");
        String second = file("bc_1/b.csv");
        String third = file("bc_1/c.csv");

        assertThat(turns.add(other)).isTrue();
        assertThat(turns.add(second)).as("no place").isFalse();
        turns.remove(other);
        assertThat(pollsAsked).as("the inbox is listed again at once").hasSize(1);
        assertThat(turns.add(third)).isFalse();
        assertThat(turns.add(second)).isTrue();
    }

    @Test
    void an_earlier_file_that_is_gone_holds_up_nothing() throws Exception {
        InboxTurns turns = turns(4);
        String first = file("bc_1/a.csv");
        String second = file("bc_1/b.csv");
        String third = file("bc_1/c.csv");

        assertThat(turns.add(first)).isTrue();
        assertThat(turns.add(second)).isFalse();
        turns.remove(first);
        Files.delete(Path.of(second)); // taken by another instance, or deleted by hand

        assertThat(turns.add(third)).isTrue();
    }

    @Test
    void a_listing_that_left_out_a_busy_folders_files_keeps_a_once_run_going_until_one_lists_nothing() throws Exception {
        InboxTurns turns = turns(4);
        String first = file("bc_1/a.csv");
        String second = file("bc_1/b.csv");
        assertThat(turns.add(first)).isTrue();
        assertThat(turns.add(second)).isFalse(); // the folder is now on hold: its files are left out of listings

        assertThat(turns.accept(listed(second))).isFalse();
        turns.remove(first); // finished between that listing and the run's look at what is pending

        assertThat(turns.pending()).as("the listing was empty only because the folder was busy").isEqualTo(1);
        assertThat(turns.pending()).as("asked again after an empty listing that left nothing out").isZero();
    }

    private static GenericFile<File> listed(String path) {
        GenericFile<File> listed = new GenericFile<>();
        listed.setFile(new File(path));
        listed.setAbsoluteFilePath(path);
        listed.setAbsolute(true);
        return listed;
    }

    @Test
    void other_folders_files_are_not_held_up_by_a_folders_waiting_file() throws Exception {
        InboxTurns turns = turns(4);
        String first = file("bc_1/a.csv");
        String second = file("bc_1/b.csv");
        String elsewhere = file("bc_2/x.csv");

        assertThat(turns.add(first)).isTrue();
        assertThat(turns.add(second)).isFalse();

        assertThat(turns.add(elsewhere)).isTrue();
        assertThat(pollsAsked).as("nothing freed").isEmpty();
    }
}
