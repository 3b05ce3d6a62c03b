package cn.yiyang.planning.app.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yiyang.planning.importer.issue.ImportException;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Upload folders: safe names, the size limit while receiving, copies, and sweeping abandoned folders. */
class UploadStoreTest {

    @TempDir
    Path root;

    @Test
    void namesAreSafeFileNamesThatKeepTheirExtension() {
        assertThat(UploadStore.safeName("C:\\fakepath\\道路.zip")).isEqualTo("道路.zip");
        assertThat(UploadStore.safeName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(UploadStore.safeName("..")).isEqualTo("upload");
        assertThat(UploadStore.safeName(null)).isEqualTo("upload");
        assertThat(UploadStore.safeName(".hidden.shp")).isEqualTo("hidden.shp");
        assertThat(UploadStore.safeName("a\u0000b<>|.dbf")).isEqualTo("ab___.dbf");
        assertThat(UploadStore.safeName("x".repeat(300) + ".geojson"))
                .hasSize(100)
                .endsWith(".geojson");
    }

    @Test
    void filesAreStoredUnderUniqueSafeNamesAndRefusedBeyondTheLimit() {
        UploadStore store = new UploadStore(root, 10);
        UploadBatch batch = store.newBatch();
        assertThat(batch.add("a/roads.shp", new ByteArrayInputStream(new byte[4])))
                .isEqualTo("roads.shp");
        assertThat(batch.add("b\\roads.shp", new ByteArrayInputStream(new byte[4])))
                .isEqualTo("roads (2).shp");
        assertThat(batch.folder().getParent()).isEqualTo(root.toAbsolutePath().normalize());
        assertThatThrownBy(() -> batch.add("big.dbf", new ByteArrayInputStream(new byte[5])))
                .isInstanceOfSatisfying(
                        ImportException.class,
                        e -> assertThat(e.issue().code().name()).isEqualTo("TOO_LARGE"));
        assertThat(batch.names()).containsExactly("roads.shp", "roads (2).shp");
        assertThat(Files.exists(batch.folder().resolve("big.dbf"))).isFalse();

        UploadBatch copy = batch.copy();
        assertThat(copy.folder()).isNotEqualTo(batch.folder());
        assertThat(copy.names()).isEqualTo(batch.names());
        batch.delete();
        assertThat(copy.files()).allSatisfy(f -> assertThat(f).exists());
    }

    @Test
    void sweepingDeletesOnlyOldFoldersThatNothingHolds() throws Exception {
        UploadStore store = new UploadStore(root, 1 << 20);
        UploadBatch old = store.newBatch();
        old.add("old.zip", new ByteArrayInputStream(new byte[] {1}));
        UploadBatch oldButHeld = store.newBatch();
        UploadBatch recent = store.newBatch();
        FileTime twoDaysAgo = FileTime.from(Instant.now().minus(Duration.ofDays(2)));
        Files.setLastModifiedTime(old.folder(), twoDaysAgo);
        Files.setLastModifiedTime(oldButHeld.folder(), twoDaysAgo);

        int deleted = store.sweep(f -> f.equals(oldButHeld.folder()), Duration.ofDays(1));

        assertThat(deleted).isEqualTo(1);
        assertThat(old.folder()).doesNotExist();
        assertThat(oldButHeld.folder()).exists();
        assertThat(recent.folder()).exists();
        store.delete(root.resolve("..").resolve("elsewhere"));
        assertThat(root).exists();
    }
}
