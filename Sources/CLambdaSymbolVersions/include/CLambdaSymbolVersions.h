// Nothing to import: the target only gives the linker older symbol versions (SymbolVersions.c).
#ifndef STARFLEET_LAMBDA_SYMBOL_VERSIONS_H
#define STARFLEET_LAMBDA_SYMBOL_VERSIONS_H
#endif
