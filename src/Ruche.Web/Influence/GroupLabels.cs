using Microsoft.Extensions.Localization;
using Ruche.Core.Influence;
using Ruche.Web.Localization;

namespace Ruche.Web.Influence;

/// <summary>What a group is called on the dashboard and in its exports.</summary>
public static class GroupLabels
{
    public static string Of(IStringLocalizer<Ui> texts, string key, string? name) =>
        name ?? key switch
        {
            SmallGroups.Pooled => texts["influence.group.other"],
            "none" => texts["influence.group.none"],
            "on-site" or "remote" or "unsaid" => texts["influence.group." + key],
            _ => key,
        };

    public static string Percent(double rate) => (100 * rate).ToString("0.#", System.Globalization.CultureInfo.CurrentCulture) + " %";

    public static string PercentValue(double rate) => (100 * rate).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}
