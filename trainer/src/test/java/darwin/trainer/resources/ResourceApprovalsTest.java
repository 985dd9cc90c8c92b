package darwin.trainer.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import darwin.core.ResourceManifest;
import darwin.core.Variant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResourceApprovalsTest {

    private static final DatasetRef SONNETS = new DatasetRef("sonnets.txt", "a".repeat(64), 94_000);
    private static final LibraryRef FASTMATH = new LibraryRef("org.example:fastmath:1.2", "b".repeat(64));
    private static final Variant TARGET = Variant.seed("p.Main", Map.of("program/p/Main.java", "class Main {}\n"));
    private static final ResourceApprovals APPROVALS = new ResourceApprovals();

    @Test
    void anApprovalsValueIsReadBackAndListedInTheVariantOnce() {
        ResourceManifest.Resource resource = APPROVALS.approved(ResourceApprovals.value(SONNETS));
        assertEquals("dataset 'sonnets.txt'", resource.description());
        Variant listed = APPROVALS.listing(TARGET, resource);
        assertEquals(new VariantResources(List.of(SONNETS), List.of()), VariantResources.of(listed));
        assertEquals(List.of(TARGET.id()), listed.parents());
        assertSame(listed, APPROVALS.listing(listed, resource), "a variant that lists it already is its own answer");
    }

    @Test
    void anApprovalThatListsOtherThanOneResourceIsRefusedWithTheCount() {
        String both = VariantResources.NONE.with(SONNETS).with(FASTMATH).toJson();
        String reason = assertThrows(IllegalArgumentException.class, () -> APPROVALS.approved(both)).getMessage();
        assertTrue(reason.contains("one resource, this one lists 2"), reason);
        assertThrows(IllegalArgumentException.class, () -> APPROVALS.approved("not json"));
    }
}
