package cn.yiyang.planning.importer.job;

import cn.yiyang.planning.importer.validate.ValidatedRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Envelope;

/** Samples rows for the map preview (reservoir sampling, fixed seed) and grows the extent. */
final class PreviewSampler {

    private final int size;
    private final List<Preview.Feature> sample = new ArrayList<>();
    private final SplittableRandom random = new SplittableRandom(20211130L);
    private final Envelope extent = new Envelope();
    private long seen;

    PreviewSampler(int size) {
        this.size = size;
    }

    void offer(ValidatedRow row) {
        if (row.geometry() == null) {
            return;
        }
        extent.expandToInclude(row.geometry().getEnvelopeInternal());
        if (size == 0) {
            return;
        }
        seen++;
        Map<String, Object> attrs =
                row.feature() == null ? Map.of() : row.feature().attributes();
        Preview.Feature f = new Preview.Feature(row.row(), row.geometry(), attrs, row.rejected());
        if (sample.size() < size) {
            sample.add(f);
        } else {
            long j = random.nextLong(seen);
            if (j < size) {
                sample.set((int) j, f);
            }
        }
    }

    Preview preview() {
        List<Preview.Feature> sorted = new ArrayList<>(sample);
        sorted.sort(Comparator.comparingLong(Preview.Feature::row));
        return new Preview(sorted, extent.isNull() ? null : extent);
    }
}
