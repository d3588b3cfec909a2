/**
 * The application: command line, wiring of the stages in deploy order, shutdown and exit codes. The
 * only package that sees every stage; it holds no crawl logic.
 */
package io.herald.app;
