/** The database connections: pool size and bounded waits, and what a database fault answers. */
package io.adplane.db;
