package cn.yiyang.planning.app.plan;

import cn.yiyang.planning.app.audit.AuditLog;
import cn.yiyang.planning.app.importing.UploadStore;
import cn.yiyang.planning.app.security.Action;
import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.app.security.Permissions;
import cn.yiyang.planning.app.system.BadValueException;
import cn.yiyang.planning.layers.plans.PlanDocument;
import cn.yiyang.planning.layers.plans.PlanDocumentRepository;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The documents of village plans (PDFs of the text and drawings): kept by the app as files named by their record's
 * id in {@code ${planning.data-dir}/plan-documents}, recorded in {@code plan_document} with who uploaded them.
 * An upload must be a PDF by its content ({@code %PDF-} at the start; its name does not count) and at most
 * {@code planning.plans.max-document-mb}. Reading is for every signed-in user; uploading and deleting for the
 * owners of the planning theme (PLANNER, ADMIN), as writing the plan's register entry.
 */
public class PlanDocuments {

    /** The kinds of document: 规划文本, 图件, 其他. */
    public static final List<String> KINDS = List.of("text", "drawing", "other");

    private static final Logger log = LoggerFactory.getLogger(PlanDocuments.class);
    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    private final PlanService plans;
    private final PlanDocumentRepository records;
    private final Path root;
    private final long maxBytes;
    private final AuditLog audit;

    /**
     * @param root     the documents folder (created when missing)
     * @param maxBytes the largest document
     * @param audit    where uploads and deletions are recorded
     */
    public PlanDocuments(PlanService plans, PlanDocumentRepository records, Path root, long maxBytes, AuditLog audit) {
        this.plans = plans;
        this.audit = audit;
        this.records = records;
        this.root = root.toAbsolutePath().normalize();
        this.maxBytes = maxBytes;
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the plan documents folder " + this.root, e);
        }
    }

    /** The largest document, in bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    /** Whether the user may upload and delete the plans' documents (for a page's buttons). */
    public boolean mayWrite(AppUser user) {
        return Permissions.allows(user, Action.write(plans.layer()));
    }

    /** The plan's documents, oldest first. */
    public List<PlanDocument> list(AppUser user, String planCode) {
        plans.get(user, planCode);
        return records.of(planCode);
    }

    /**
     * Stores a document of the plan, read from {@code content} (which is not closed).
     *
     * @param fileName the client's file name (only its last part is kept)
     * @param kind     {@code text}, {@code drawing} or {@code other}; null for {@code other}
     * @throws DocumentTooLargeException when it is larger than the limit
     * @throws NotAPdfException          when its content is not a PDF
     */
    public PlanDocument upload(AppUser user, String planCode, String fileName, String kind, InputStream content) {
        Permissions.check(user, Action.write(plans.layer()));
        plans.get(user, planCode);
        String k = kind == null || kind.isBlank() ? "other" : kind.strip();
        if (!KINDS.contains(k)) {
            throw new BadValueException("kind", kind, String.join(", ", KINDS));
        }
        String name = UploadStore.safeName(fileName);
        Path part = null;
        try {
            part = Files.createTempFile(root, "upload-", ".part");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size = copy(content, part, sha);
            if (size > maxBytes) {
                throw new DocumentTooLargeException(maxBytes);
            }
            if (!startsWithPdfMagic(part)) {
                throw new NotAPdfException(name);
            }
            PlanDocument stored = records.add(new PlanDocument(
                    null, planCode, k, name, size, HexFormat.of().formatHex(sha.digest()), user.name(), null));
            try {
                Files.move(part, file(stored.id()), StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                records.delete(planCode, stored.id());
                throw e;
            }
            part = null;
            audit.record(
                    user.name(),
                    "plan-document-upload",
                    plans.layer().id(),
                    planCode,
                    "document " + stored.id() + " " + k + " " + name + " (" + size + " bytes)");
            return stored;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store a document of plan " + planCode, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            deleteQuietly(part);
        }
    }

    /**
     * The document with its file, for a download.
     *
     * @throws UnknownDocumentException when the plan has no such document (or its file is gone)
     */
    public Stored open(AppUser user, String planCode, long id) {
        plans.get(user, planCode);
        PlanDocument d = records.find(planCode, id).orElseThrow(() -> new UnknownDocumentException(planCode, id));
        Path f = file(id);
        if (!Files.isRegularFile(f)) {
            throw new UnknownDocumentException(planCode, id);
        }
        return new Stored(d, f);
    }

    /** Deletes a document of the plan, its record and its file. */
    public void delete(AppUser user, String planCode, long id) {
        Permissions.check(user, Action.write(plans.layer()));
        plans.get(user, planCode);
        if (!records.delete(planCode, id)) {
            throw new UnknownDocumentException(planCode, id);
        }
        deleteQuietly(file(id));
        audit.record(user.name(), "plan-document-delete", plans.layer().id(), planCode, "document " + id);
    }

    /**
     * A stored document.
     *
     * @param document its record
     * @param file     its file
     */
    public record Stored(PlanDocument document, Path file) {}

    private Path file(long id) {
        return root.resolve(id + ".pdf");
    }

    /** Copies at most one byte more than the limit (enough to know it is too large), hashing what it copies. */
    private long copy(InputStream in, Path target, MessageDigest sha) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long size = 0;
        try (OutputStream out = Files.newOutputStream(target)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                size += n;
                if (size > maxBytes) {
                    return size;
                }
                out.write(buffer, 0, n);
                sha.update(buffer, 0, n);
            }
        }
        return size;
    }

    private static boolean startsWithPdfMagic(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(PDF_MAGIC.length), PDF_MAGIC);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("could not delete {}", file, e);
        }
    }
}
