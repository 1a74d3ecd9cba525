// Forward-only schema migrations, tracked in PRAGMA user_version.
#pragma once

#include <SQLiteCpp/Database.h>

namespace parallax::store {

// Applies every migration above the database's user_version, each in its own transaction
// together with the user_version bump. Throws SQLite::Exception on SQL errors and
// std::runtime_error when the database is newer than kSchemaVersion.
void Migrate(SQLite::Database& db);

}  // namespace parallax::store
