/**
 * What campaigns target beyond master data, kept per organization: PG and PMP deals, audiences and inventory
 * groups. IQM keeps these in its inventory and audience APIs, which adplane does not emulate; adplane's own
 * operations create and list them (F4), and the campaign feature checks the ids a campaign names against them.
 */
package io.adplane.targeting;
