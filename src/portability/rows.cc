#include "portability/rows.h"

#include <fmt/format.h>

namespace securebase::portability {
namespace json = boost::json;

Result<std::vector<std::string>> TableColumns(db::Connection& conn, const std::string& table) {
  std::vector<std::string> columns;
  TRY_ASSIGN(auto* st, conn.Prepare("SELECT name FROM pragma_table_info(?) ORDER BY cid"));
  st->Bind(1, table);
  while (true) {
    TRY_ASSIGN(bool row, st->Step());
    if (!row) break;
    std::string name = st->Text(0);
    if (name != "user_id") columns.push_back(std::move(name));
  }
  return columns;
}

Result<std::vector<json::object>> ReadKind(db::Connection& conn, const Kind& kind,
                                           int64_t user_id) {
  TRY_ASSIGN(auto columns, TableColumns(conn, kind.table));
  std::vector<json::object> items;
  if (columns.empty()) return items;
  std::string order = kind.has_id ? std::string("id")
                      : kind.natural_key.empty()
                          ? std::string("rowid")
                          : fmt::format("{}", fmt::join(kind.natural_key, ", "));
  // typeof() beside each value tells apart 1, 1.5 and "1" (STRICT tables keep the type).
  std::string select;
  for (const auto& c : columns)
    select += fmt::format("{}typeof({}), {}", select.empty() ? "" : ", ", c, c);
  std::string owner = kind.owner_column.empty()
                          ? std::string("user_id = ?")
                          : fmt::format("{} IN (SELECT id FROM {} WHERE user_id = ?)",
                                        kind.owner_column, kind.owner_table);
  std::string sql =
      fmt::format("SELECT {} FROM {} WHERE {} ORDER BY {}", select, kind.table, owner, order);
  TRY_ASSIGN(auto* st, conn.Prepare(sql));
  st->Bind(1, user_id);
  while (true) {
    TRY_ASSIGN(bool row, st->Step());
    if (!row) break;
    json::object item;
    for (size_t c = 0; c < columns.size(); ++c) {
      int i = static_cast<int>(2 * c + 1);
      std::string type = st->Text(i - 1);
      json::value v;
      if (type == "null") {
        v = nullptr;
      } else if (type == "integer") {
        v = st->Int(i);
      } else if (type == "real") {
        v = st->Double(i);
      } else {
        const SpecialColumn* special = SpecialFor(kind, columns[c]);
        bool is_json = special && (special->rule == ColumnRule::kJson ||
                                   special->rule == ColumnRule::kRefList);
        std::string text = st->Text(i);
        boost::system::error_code ec;
        if (is_json) v = json::parse(text, ec);
        if (!is_json || ec) v = text;  // not JSON after all: kept as the text it is
      }
      item[columns[c]] = std::move(v);
    }
    items.push_back(std::move(item));
  }
  return items;
}

}  // namespace securebase::portability
