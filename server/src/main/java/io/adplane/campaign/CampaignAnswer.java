package io.adplane.campaign;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonAnyGetter;

import io.adplane.docs.DocumentedByAnswer;

/**
 * The answer of {@code GET /api/v2/cmp/campaign/{id}}: every field of the seed's Step 4, in its order, then
 * {@code more}: the stored settings as they were sent, IQM's values for the documented fields left unset (F12)
 * and {@code spent} when asked for. Fields that come from a setting ({@code isTvAd}, the caps, ...) are the
 * setting's JSON as sent, or IQM's default. A typed answer: Jackson writes it with serializers fixed per field
 * instead of looking one up per value of a map (issue 17). Documented by its representative answer, which lists
 * the settings a client may send.
 */
@DocumentedByAnswer
public record CampaignAnswer(
        long owId, String parentOrganizationName, long id, long uowId, String campaignName, String advertiserDomain,
        Integer creativeType, int campaignType, boolean totalBudgetPacing, Object isTvAd, BigDecimal budgetDay,
        BigDecimal budgetTotal, BigDecimal maxBid, Integer timezone, Long startTime, long endTime, String status,
        int dspMargin, int platformMargin, int userDealMargin, Object spentScale, String creativeIds,
        Object conversionType, Object bidOptimization, Object bidPacing, Object isBidShading, Object impressionCapping,
        Object maxDayImpressions, Object maxDayClicks, Object maxDayConversions, Object totalImpressions,
        Object totalClicks, Object totalConversions, String deviceType, String trafficType, String exchanges,
        String publisherAdCategory, Object isLocationWithOrFilter, String countryId, Object locationDetails,
        boolean isCampaignFromNewPlatform, String organizationName, String userEmail, String userName,
        Object conversionTypeId, boolean isUnapprovedAudienceTargeted, boolean isAllAudienceUnapproved,
        long createDate, long ioId, String ioName, Object prebidAudienceSegmentIdList, int campaignTypeId,
        Integer budgetTypeId, Object isAdvanceAudioVideoTargeted, boolean isEstimatorAvailable, boolean isEditAccess,
        boolean isMarginSet, boolean isApprovalAccess, boolean isParentInvoiceTemplateSet, String rejectionReason,
        boolean isAgreementChecked,
        @JsonAnyGetter Map<String, Object> more) {

    /** The answer as a map, in its JSON order, with the values as they are here (the console lists them). */
    public Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (RecordComponent component : CampaignAnswer.class.getRecordComponents()) {
            if (component.getName().equals("more")) {
                fields.putAll(more);
            } else {
                try {
                    fields.put(component.getName(), component.getAccessor().invoke(this));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return fields;
    }

    /** The names of the answer's own fields: a setting or default by one of these names is not repeated. */
    static final Set<String> FIELDS = Arrays.stream(CampaignAnswer.class.getRecordComponents())
            .map(RecordComponent::getName).filter(name -> !name.equals("more")).collect(Collectors.toUnmodifiableSet());
}
