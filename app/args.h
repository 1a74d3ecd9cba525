// A small command-line parser: positional arguments and --flag / --flag VALUE options.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "parallax/core/status.h"

namespace parallax::app {

struct ParsedArgs {
  std::vector<std::string> positional;
  std::map<std::string, std::string> values;  // --name VALUE (or --name=VALUE)
  std::set<std::string> flags;                // --name without a value
  bool Has(const std::string& name) const { return values.count(name) || flags.count(name); }
  std::string Value(const std::string& name, const std::string& fallback = "") const {
    auto it = values.find(name);
    return it == values.end() ? fallback : it->second;
  }
};

// `with_value` lists the options that take a value, `switches` those that do not; anything else
// starting with "--" is a usage error naming it. "--" ends option parsing.
Result<ParsedArgs> ParseArgs(const std::vector<std::string>& args,
                             const std::set<std::string>& with_value,
                             const std::set<std::string>& switches);

}  // namespace parallax::app
