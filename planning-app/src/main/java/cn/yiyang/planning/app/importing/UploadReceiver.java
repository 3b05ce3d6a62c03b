package cn.yiyang.planning.app.importing;

import cn.yiyang.planning.importer.issue.ImportException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Receives the import page's uploads straight into its upload folder (never into memory), refusing a
 * file that would take the upload over the size limit; tells the page on its UI thread.
 */
final class UploadReceiver implements UploadHandler {

    /** What the page does with a received or refused file. */
    interface Listener {
        /** A file was stored: the client's name and the name it is stored and shown under. */
        void received(String clientName, String storedName);

        /** A file was refused, with the message to show. */
        void refused(String clientName, String message);
    }

    private final transient Supplier<UploadBatch> batch;
    private final Listener listener;
    private final Locale locale;

    UploadReceiver(Supplier<UploadBatch> batch, Listener listener, Locale locale) {
        this.batch = batch;
        this.listener = listener;
        this.locale = locale;
    }

    @Override
    public void handleUploadRequest(UploadEvent event) {
        String clientName = event.getFileName();
        UI ui = event.getUI();
        try {
            String stored = batch.get().add(clientName, event.getInputStream());
            ui.access(() -> listener.received(clientName, stored));
        } catch (ImportException e) {
            String message = e.issue().message(locale);
            event.reject(message);
            ui.access(() -> listener.refused(clientName, message));
        }
    }
}
