// Reading and comparing the values claims state: quantities, dates, quotes and speakers.
#pragma once

#include <string>

#include "parallax/align/align.h"

namespace parallax::compare {

// Interval [low, high] a quantity allows, hedges and rounding applied.
void QuantityInterval(const align::Quantity& q, double& low, double& high);
// "3 h", "about 4 h", "up to 35.3%", "EUR 305 bn", "14th (round)", "81 drone".
std::string DescribeQuantity(const align::Quantity& q);
// "what" phrase for a quantity's kind: "a duration", "a percentage", "an amount in EUR".
std::string QuantityTopic(const align::Quantity& q);
// Unit (and noun) key: quantities with different keys are not compared.
std::string QuantityKey(const align::Quantity& q);

// Dates compatible at their common precision.
bool DatesCompatible(const align::DateRef& a, const align::DateRef& b);
std::string DescribeDate(const align::DateRef& d);

}  // namespace parallax::compare
