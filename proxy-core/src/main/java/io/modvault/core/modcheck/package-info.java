/** What the go command accepts as a module version's zip and go.mod (x/mod zip.CheckZip, Unzip and the module-line check). */
package io.modvault.core.modcheck;
