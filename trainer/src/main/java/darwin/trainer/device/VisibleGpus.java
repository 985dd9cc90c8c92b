package darwin.trainer.device;

import java.util.ArrayList;
import java.util.List;

/**
 * The machine's numbers of the GPUs a process sees, from its {@code CUDA_VISIBLE_DEVICES}: a user
 * who gives darwin GPUs 2 and 3 gets slots on GPUs 2 and 3, and slot 0's children are given GPU 2
 * (its device file {@code /dev/nvidia2}). Numbers are read in PCI bus order, as {@code nvidia-smi}
 * shows them; children get {@code CUDA_DEVICE_ORDER=PCI_BUS_ID} so that CUDA counts the same way.
 */
final class VisibleGpus {

    static final String VARIABLE = "CUDA_VISIBLE_DEVICES";

    private VisibleGpus() {}

    /**
     * The machine numbers of the first {@code count} GPUs this process sees.
     *
     * @param visible this process's {@code CUDA_VISIBLE_DEVICES}, or {@code null} when unset (all GPUs, 0, 1, ...)
     * @throws DeviceUnavailableException when it holds something other than numbers (a GPU's UUID)
     */
    static List<Integer> ids(String visible, int count) {
        List<Integer> ids = new ArrayList<>();
        if (visible == null) {
            for (int i = 0; i < count; i++) {
                ids.add(i);
            }
            return ids;
        }
        for (String entry : visible.split(",")) {
            if (ids.size() == count) {
                break;
            }
            String id = entry.strip();
            if (!id.matches("[0-9]{1,4}")) {
                throw new DeviceUnavailableException(VARIABLE + "=" + visible + " must list GPUs by number (0,1,...), as"
                        + " nvidia-smi numbers them: darwin gives each slot one of them, and binds its /dev/nvidia<number>");
            }
            ids.add(Integer.parseInt(id));
        }
        if (ids.size() < count) {
            throw new DeviceUnavailableException("the engine sees " + count + " GPUs, but " + VARIABLE + "=" + visible
                    + " lists " + ids.size());
        }
        return ids;
    }
}
