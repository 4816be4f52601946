package io.adplane.campaign;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every field of IQM's campaign request (iqm-reference §4.2) and the JSON type it must have. A field not
 * listed here is refused (D7). Core fields live in their own columns; all others are kept as sent, in the
 * campaign's settings document, and answered back on GET. System fields IQM's DTO also carries are accepted
 * and ignored.
 */
final class CampaignFields {

    private CampaignFields() {
    }

    /** The JSON type a field must have. */
    enum Kind {
        TEXT, INTEGER, MONEY, BOOLEAN,
        /** A comma-separated list of integer ids in a string; {@code ""} means none (or all, per field). */
        ID_LIST,
        /** A JSON integer or a string of digits (D7: {@code ioId}, {@code countryId}). */
        FLEX_ID,
        OBJECT, ARRAY,
        /** Any JSON value, kept as sent. */
        ANY,
        /** Server-owned; accepted on input and ignored. */
        IGNORED
    }

    static final Map<String, Kind> KINDS;

    static {
        Map<String, Kind> k = new LinkedHashMap<>();
        // core
        k.put("campaignName", Kind.TEXT);
        k.put("isAgreementChecked", Kind.BOOLEAN);
        k.put("ioId", Kind.FLEX_ID);
        k.put("countryId", Kind.FLEX_ID);
        k.put("advertiserDomain", Kind.TEXT);
        k.put("creativeType", Kind.INTEGER);
        k.put("campaignType", Kind.INTEGER);
        k.put("campaignTypeId", Kind.INTEGER);
        k.put("creativeIds", Kind.ID_LIST);
        k.put("startTime", Kind.INTEGER);
        k.put("endTime", Kind.INTEGER);
        k.put("timezone", Kind.INTEGER);
        k.put("totalBudgetPacing", Kind.BOOLEAN);
        k.put("budgetDay", Kind.MONEY);
        k.put("budgetTotal", Kind.MONEY);
        k.put("budgetTypeId", Kind.INTEGER);
        k.put("maxBid", Kind.MONEY);
        k.put("exchanges", Kind.ID_LIST);
        k.put("publisherAdCategory", Kind.ID_LIST);
        k.put("deviceType", Kind.ID_LIST);
        k.put("trafficType", Kind.ID_LIST);
        // bidding, capping, optimisation
        for (String f : new String[] {"minBid", "allowedMinBid", "totalCPM", "baseBid"}) {
            k.put(f, Kind.MONEY);
        }
        for (String f : new String[] {"bidOptimization", "bidPacing", "isBidShading", "frequencyCapEnabled",
                "bidStrategyFlag", "spentScale", "technologyFlag", "advancedFlag", "demographicTargetingFlag",
                "isTvAd", "isAdvanceAudioVideoTargeted", "isCustomAudienceTargeted", "isLocationWithOrFilter",
                "customAudienceTargeted", "advanceAudioVideoTargeted"}) {
            k.put(f, Kind.BOOLEAN);
        }
        for (String f : new String[] {"impressionCapping", "maxDayImpressions", "totalImpressions", "maxDayClicks",
                "totalClicks", "maxDayConversions", "totalConversions", "targetCPI", "conversionTypeId",
                "politicalAdvertiserClientId", "dailyImpressions"}) {
            k.put(f, Kind.INTEGER);
        }
        for (String f : new String[] {"conversionType", "appURL", "campaignOptimizationType", "advertiserType",
                "osVersion", "device"}) {
            k.put(f, Kind.TEXT);
        }
        k.put("conversionIds", Kind.ID_LIST);
        k.put("frequencyCapping", Kind.OBJECT);
        k.put("campaignOptimization", Kind.OBJECT);
        k.put("modelledDimensionIds", Kind.ARRAY);
        // device and technology
        for (String f : new String[] {"networkType", "carriers", "manufacturer", "os"}) {
            k.put(f, Kind.ID_LIST);
        }
        // location
        for (String f : new String[] {"stateIds", "dmaIds", "congressionalDistrictIds", "senateDistrictIds",
                "houseDistrictIds", "locationFileIds", "removedLocationIds", "gotvLocationId"}) {
            k.put(f, Kind.ANY);
        }
        for (String list : new String[] {"StateIds", "DmaIds", "Zipcodes", "CityIds", "CountyIds",
                "CongressionalDistrictIds", "SenateDistrictIds", "HouseDistrictIds", "LocationIds",
                "InventoryGroupIds", "SiteDomain", "AppId", "PackageName", "Ip", "DeviceId", "AudienceIds",
                "CustomAudienceIds", "AudienceSegmentGroupIds", "ConversionTagIds", "GeoRadiusDetails"}) {
            k.put("whiteListed" + list, Kind.ANY);
            k.put("blackListed" + list, Kind.ANY);
        }
        for (String shape : new String[] {"Circles", "Polygons", "Rectangles"}) {
            k.put("whitelisted" + shape, Kind.ARRAY);
            k.put("blacklisted" + shape, Kind.ARRAY);
        }
        for (String f : new String[] {"zipcodes", "geoRadiusDetails", "radiusUpdatedLocations",
                "bulkUploadWhitelistedLocationIds", "bulkUploadBlacklistedLocationIds",
                "bulkUploadWhitelistedAddressIds", "bulkUploadBlacklistedAddressIds",
                "bulkUploadWhitelistedPolygonIds", "bulkUploadBlacklistedPolygonIds", "locationDetails"}) {
            k.put(f, Kind.ANY);
        }
        // inventory
        k.put("inventoryKeywords", Kind.ARRAY);
        k.put("inventoryUrls", Kind.ARRAY);
        k.put("userDealId", Kind.ANY);
        k.put("groupDealId", Kind.ANY);
        k.put("pmpDealIds", Kind.ANY);
        k.put("pgDealIds", Kind.ANY);
        // audience and demographics
        k.put("prebidAudienceSegmentIdList", Kind.ARRAY);
        for (String f : new String[] {"ageRangeIds", "genderIds", "interestIds", "incomeRangeIds", "languageIds",
                "ethnicityIds", "campaignIabCategoryIds"}) {
            k.put(f, Kind.ID_LIST);
        }
        // dayparting, creatives, estimator
        k.put("scheduling", Kind.OBJECT);
        k.put("creativeAdvanceTargeting", Kind.OBJECT);
        k.put("creativesPlacementMapping", Kind.ANY);
        k.put("creativeTargetingSegmentIds", Kind.ARRAY);
        k.put("campaignEstimatorMetaData", Kind.OBJECT);
        // server-owned fields of IQM's DTO
        for (String f : new String[] {"id", "advertiserId", "dspId", "owId", "uowId", "status", "created",
                "modifiedDate", "excludeFromPlatformServing", "forTest", "dspMargin", "platformMargin",
                "userDealMargin", "dspMarginJson", "platformMarginJson"}) {
            k.put(f, Kind.IGNORED);
        }
        KINDS = Collections.unmodifiableMap(k);
    }

    /** Fields stored in columns of their own; the rest are settings. */
    static final java.util.Set<String> CORE = java.util.Set.of("campaignName", "isAgreementChecked", "ioId",
            "countryId", "advertiserDomain", "creativeType", "campaignType", "campaignTypeId", "creativeIds",
            "startTime", "endTime", "timezone", "totalBudgetPacing", "budgetDay", "budgetTotal", "budgetTypeId",
            "maxBid", "exchanges", "publisherAdCategory", "deviceType", "trafficType");
}
