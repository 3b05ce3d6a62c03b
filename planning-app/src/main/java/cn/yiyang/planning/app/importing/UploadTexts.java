package cn.yiyang.planning.app.importing;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.upload.UploadI18N;

/** The upload component's texts in the page's language (the import page's, and the plan documents'). */
public final class UploadTexts {

    private UploadTexts() {}

    /** The texts for an upload of at most {@code maxMegabytes}, in the language of {@code c}'s page. */
    public static UploadI18N of(Component c, long maxMegabytes) {
        UploadI18N i18n = new UploadI18N();
        i18n.setDropFiles(new UploadI18N.DropFiles()
                .setOne(c.getTranslation("import.upload.drop"))
                .setMany(c.getTranslation("import.upload.drop")));
        i18n.setAddFiles(new UploadI18N.AddFiles()
                .setOne(c.getTranslation("import.upload.button"))
                .setMany(c.getTranslation("import.upload.button")));
        i18n.setError(new UploadI18N.Error()
                .setTooManyFiles(c.getTranslation("import.upload.too-many"))
                .setFileIsTooBig(c.getTranslation("import.upload.too-large", maxMegabytes))
                .setIncorrectFileType(c.getTranslation("import.upload.wrong-type")));
        i18n.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status()
                        .setConnecting(c.getTranslation("import.upload.connecting"))
                        .setStalled(c.getTranslation("import.upload.stalled"))
                        .setProcessing(c.getTranslation("import.upload.processing"))
                        .setHeld(c.getTranslation("import.upload.held")))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime()
                        .setPrefix(c.getTranslation("import.upload.remaining"))
                        .setUnknown(c.getTranslation("import.upload.remaining-unknown")))
                .setError(new UploadI18N.Uploading.Error()
                        .setServerUnavailable(c.getTranslation("import.upload.server-unavailable"))
                        .setUnexpectedServerError(c.getTranslation("import.upload.server-error"))
                        .setForbidden(c.getTranslation("import.upload.forbidden"))
                        .setFileTooLarge(c.getTranslation("import.upload.too-large", maxMegabytes))));
        i18n.setFile(new UploadI18N.File()
                .setRetry(c.getTranslation("import.upload.retry"))
                .setStart(c.getTranslation("import.upload.start"))
                .setRemove(c.getTranslation("import.upload.remove")));
        return i18n;
    }
}
