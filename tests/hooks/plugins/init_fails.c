/* A plugin whose init refuses to start, saying why. */
#include "hooks/certval_plugin.h"

CERTVAL_PLUGIN_EXPORT int certval_plugin_init(struct certval_plugin_info* info) {
  info->abi_version = CERTVAL_PLUGIN_ABI_VERSION;
  info->error = "configuration /nonexistent/pins.conf missing";
  return 7;
}
