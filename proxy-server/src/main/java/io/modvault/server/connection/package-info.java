/** Connection admission and deadlines: caps on open connections, the request-head deadline, idle keep-alive. */
package io.modvault.server.connection;
