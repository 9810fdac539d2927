using System.Globalization;
using Ruche.Core.Common;
using Ruche.Core.People;
using Ruche.Core.Targeting;

namespace Ruche.Web.Targeting;

/// <summary>The audience fields of an HTML form, as strings: empty narrows nothing, anything unreadable is refused.</summary>
public static class AudienceForm
{
    public static Audience Read(string? siteId, string? departmentId, string? jobCategory, string? topic) => new(
        Id(siteId, "audience.site-unknown"),
        Id(departmentId, "audience.department-unknown"),
        Category(jobCategory),
        string.IsNullOrWhiteSpace(topic) ? null : topic);

    /// <summary>What the fields held, to fill them again when the form comes back refused (unreadable values dropped).</summary>
    public static Audience Typed(string? siteId, string? departmentId, string? jobCategory, string? topic) => new(
        long.TryParse(siteId, CultureInfo.InvariantCulture, out var s) ? s : null,
        long.TryParse(departmentId, CultureInfo.InvariantCulture, out var d) ? d : null,
        Enum.TryParse<JobCategory>(jobCategory, out var c) && Enum.IsDefined(c) ? c : null,
        topic);

    private static long? Id(string? text, string code) =>
        string.IsNullOrWhiteSpace(text) ? null
        : long.TryParse(text, CultureInfo.InvariantCulture, out var id) && id > 0 ? id
        : throw RucheException.Invalid(code, "Not a known choice.");

    private static JobCategory? Category(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : Enum.TryParse<JobCategory>(text, ignoreCase: true, out var category) && Enum.IsDefined(category) && !text.Any(char.IsDigit) ? category
        : throw RucheException.Invalid("audience.category-unknown", "No such professional category.");
}
