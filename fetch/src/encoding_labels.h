// Charset labels as the WHATWG Encoding Standard defines them (https://encoding.spec.whatwg.org/,
// section 4.2 "Names and labels"), mapped to the ICU converter that decodes each encoding.
//
// Only these labels are honoured, as in browsers: ICU also opens many converters that no web
// page uses (x11compoundtext, ISCII, LMBCS, SCSU, ...), some of them stateful and fragile, and a
// page must not be able to pick one by writing its name in a <meta> tag.
//
// Deviations from the standard: the "replacement" labels (iso-2022-kr, iso-2022-cn, hz-gb-2312)
// and x-user-defined are not recognised, so such pages fall back to detection like any unknown
// label, and neither is iso-8859-16, which ICU does not ship; ISO-8859-8-I decodes as ISO-8859-8
// (they differ only in display direction).
#pragma once

#include <string_view>

namespace parallax::fetch::detail {

// The ICU converter name for `label`, or "" when the Encoding Standard does not list it. A name
// this function returns is accepted as a label too, so its result can be passed back in.
// `label` is matched ASCII case-insensitively after trimming ASCII whitespace, as the standard's
// "get an encoding" does. The returned view points at static storage.
std::string_view IcuNameForLabel(std::string_view label);

// Every ICU name IcuNameForLabel can return, once each (for tests that open them all).
std::string_view IcuNameAt(size_t index);  // "" past the end

}  // namespace parallax::fetch::detail
