/**
 * The adplane console (issue 16): a server-rendered web back office at {@code /console} for the people who
 * approve, run and watch campaigns. It reads through the features' own queries and changes data only through
 * their services (and so their write paths and rules); it holds no rule of its own. Its gate is in
 * {@code auth} (the console chain, session cookie and CSRF); its pages are in {@code web}.
 */
package io.adplane.console;
