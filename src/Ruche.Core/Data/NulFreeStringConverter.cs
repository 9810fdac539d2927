using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Ruche.Core.Data;

/// <summary>
/// Text never holds U+0000: PostgreSQL refuses it in text columns (a request would fail half-way with a 500)
/// and no reader needs it. Every string written through EF loses it, on every provider alike.
/// </summary>
internal sealed class NulFreeStringConverter() : ValueConverter<string, string>(
    value => value.Contains('\0') ? value.Replace("\0", string.Empty, StringComparison.Ordinal) : value,
    value => value);
