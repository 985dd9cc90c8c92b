package darwin.trainer.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The device files a sandboxed child gets: bound after bubblewrap's minimal /dev, nothing else of the host's. */
class BubblewrapDevicesTest {

    @TempDir
    Path dir;

    private List<String> prefix(List<Path> devices) throws ProcessLaunchException {
        ProcessSpec spec = ProcessSpec.of(List.of("true"), dir, Duration.ofSeconds(5)).withDevices(devices);
        return new Bubblewrap(Path.of("/usr/bin/bwrap")).prefix(spec);
    }

    @Test
    void aDeviceIsBoundUsableAfterTheMinimalDev() throws ProcessLaunchException {
        // /dev/null stands in for a GPU's device file on this machine without one
        List<String> args = prefix(List.of(Path.of("/dev/null")));
        int dev = args.indexOf("--dev");
        int bind = Collections.indexOfSubList(args, List.of("--dev-bind", "/dev/null", "/dev/null"));
        assertTrue(dev >= 0 && bind > dev, "bound into the sandbox's /dev: " + args);
        assertEquals(1, Collections.frequency(args, "--dev-bind"));
    }

    @Test
    void withoutDevicesNoHostDeviceIsBound() throws ProcessLaunchException {
        assertEquals(0, Collections.frequency(prefix(List.of()), "--dev-bind"));
    }

    @Test
    void aMissingDeviceFileIsAClearError() {
        ProcessLaunchException e = assertThrows(ProcessLaunchException.class,
                () -> prefix(List.of(Path.of("/dev/nvidia7"))));
        assertTrue(e.getMessage().contains("/dev/nvidia7"), e.getMessage());
    }

    @Test
    void onlyFilesUnderDevAreDevices() {
        assertThrows(IllegalArgumentException.class,
                () -> ProcessSpec.of(List.of("true"), dir, Duration.ofSeconds(5)).withDevices(List.of(Path.of("/etc/passwd"))));
    }
}
