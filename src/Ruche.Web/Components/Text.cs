using System.Globalization;
using Microsoft.Extensions.Localization;
using Ruche.Core.People;
using Ruche.Web.Localization;

namespace Ruche.Web.Components;

/// <summary>Formatting shared by the pages: translated errors and times in the reader's time zone.</summary>
public static class Text
{
    public static string Error(IStringLocalizer<Ui> texts, string code)
    {
        var text = texts["error." + code];
        return text.ResourceNotFound ? texts["error.generic"] : text;
    }

    /// <summary>An instant as the reader reads it: in their time zone and language.</summary>
    public static string When(DateTime utc, string timeZone) =>
        TimeZones.ToLocal(utc, timeZone).ToString("d MMM yyyy HH:mm", CultureInfo.CurrentCulture);

    public static string Iso(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture);

    /// <summary>The time it is now where a person is, e.g. "14:05".</summary>
    public static string LocalTimeNow(TimeProvider time, string timeZone) =>
        TimeZones.ToLocal(time.GetUtcNow().UtcDateTime, timeZone).ToString("HH:mm", CultureInfo.CurrentCulture);
}
