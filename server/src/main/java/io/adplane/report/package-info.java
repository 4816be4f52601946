/**
 * IQM's Reports API (issue 13): the dimensions and metrics, executing a report over the delivery rollups, saved
 * reports and their schedules.
 */
package io.adplane.report;
