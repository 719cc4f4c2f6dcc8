/** The jar's entry point, compiled for Java 8 so that an older Java reads it and says which one is needed. */
package io.modvault.launch;
