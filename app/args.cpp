#include "args.h"

namespace parallax::app {

Result<ParsedArgs> ParseArgs(const std::vector<std::string>& args,
                             const std::set<std::string>& with_value,
                             const std::set<std::string>& switches) {
  ParsedArgs out;
  bool options_done = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (options_done || a.size() < 2 || a[0] != '-' || a == "-") {
      out.positional.push_back(a);
      continue;
    }
    if (a == "--") {
      options_done = true;
      continue;
    }
    std::string name = a;
    std::string value;
    bool inline_value = false;
    if (const size_t eq = a.find('='); eq != std::string::npos && a.rfind("--", 0) == 0) {
      name = a.substr(0, eq);
      value = a.substr(eq + 1);
      inline_value = true;
    }
    if (name == "-h") name = "--help";
    if (with_value.count(name)) {
      if (!inline_value) {
        if (i + 1 >= args.size()) return Status::Error(name, "needs a value");
        value = args[++i];
      }
      out.values[name] = value;
    } else if (switches.count(name) && !inline_value) {
      out.flags.insert(name);
    } else {
      return Status::Error(name, "unknown option");
    }
  }
  return out;
}

}  // namespace parallax::app
