package io.adplane.creative;

/** A stored creative (iqm-reference §5.2), without its file's bytes. Changed only by {@link CreativeWriter}. */
record Creative(long creativeId, long owId, long uowId, String creativeName, int platformCreativeTypeId,
        String creativeSourceType, String creativeSource, String clickUrl, String externalCreativeId, String details,
        int creativeStatusId, String rejectionReason, String remarks, String fileName, String fileType, Long fileSize,
        long createdAt, long modifiedAt, String fileSha256) {

    static final int PENDING = 1;
    static final int RUNNING = 2;
    static final int PAUSED = 3;
    static final int DELETED = 4;
    static final int REJECTED = 5;

    static String statusName(int status) {
        return switch (status) {
            case PENDING -> "pending";
            case RUNNING -> "running";
            case PAUSED -> "paused";
            case DELETED -> "deleted";
            default -> "rejected";
        };
    }

    /** A copy with another source (creatives without a file) and details. */
    Creative withContent(String source, String newDetails) {
        return new Creative(creativeId, owId, uowId, creativeName, platformCreativeTypeId, creativeSourceType, source,
                clickUrl, externalCreativeId, newDetails, creativeStatusId, rejectionReason, remarks, fileName, fileType,
                fileSize, createdAt, modifiedAt, fileSha256);
    }

    /** A copy with the fields a creative's edits and status moves change. */
    Creative with(String name, String click, String externalId, int status, String rejection, String remark) {
        return new Creative(creativeId, owId, uowId, name, platformCreativeTypeId, creativeSourceType, creativeSource,
                click, externalId, details, status, rejection, remark, fileName, fileType, fileSize, createdAt,
                modifiedAt, fileSha256);
    }
}
