package io.adplane.creative;

/** A stored creative (iqm-reference §5.2), without its file's bytes. */
record Creative(long creativeId, long owId, long uowId, String creativeName, int platformCreativeTypeId,
        String creativeSourceType, String creativeSource, String clickUrl, String externalCreativeId, String details,
        int creativeStatusId, String rejectionReason, String remarks, String fileName, String fileType, Long fileSize,
        long createdAt, long modifiedAt) {

    static final int PENDING = 1;
    static final int RUNNING = 2;
    static final int PAUSED = 3;
    static final int DELETED = 4;
    static final int REJECTED = 5;
}
