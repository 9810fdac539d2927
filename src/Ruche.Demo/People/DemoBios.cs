using System.Globalization;
using System.Text;

namespace Ruche.Demo.People;

/// <summary>The profile bio of everyone the roster does not write one for: job, site, seniority, a hobby and two skills.</summary>
internal static class DemoBios
{
    public static readonly string[] Hobbies =
    [
        "Le week-end, je randonne dès que possible.", "Je joue du piano depuis l'enfance.",
        "Je cuisine beaucoup, surtout des plats du monde entier.", "Je cours deux fois par semaine, par tous les temps.",
        "Je lis tout ce qui me tombe sous la main, avec un faible pour les polars.", "Je fais de la photo de rue à mes heures perdues.",
        "Je suis fan de jeux de société : proposez-moi une partie !", "Je viens au bureau à vélo, qu'il pleuve ou qu'il vente.",
        "J'apprends le japonais, lentement mais sûrement.", "Je jardine sur mon balcon et je donne volontiers des boutures.",
        "Le yoga du matin m'aide à bien démarrer la journée.", "Je fais de l'escalade en salle le mardi soir.",
        "Je collectionne les vinyles de jazz.", "Je voyage dès que je peux, sac au dos.", "Je chante dans une chorale amateur.",
        "Je suis bénévole dans une association d'aide aux devoirs.", "Je nage trois fois par semaine.",
        "Je peins à l'aquarelle le dimanche.", "Je suis incollable sur le cinéma coréen.", "Je fais mon pain moi-même chaque semaine.",
    ];

    public static string Bio(string jobTitle, string site, int? sinceYear, string department, string hobby, string skill, string otherSkill)
    {
        var intro = sinceYear is { } year
            ? $"{jobTitle} à {site}, dans l'équipe depuis {year.ToString(CultureInfo.InvariantCulture)}."
            : $"{jobTitle} à {site}, nouvelle recrue de l'équipe {department}.";
        return $"{intro} {hobby} Parlez-moi {Of(skill)} ou {Of(otherSkill)} !";
    }

    /// <summary>French elides "de" before a vowel: "de C#" but "d'Excel".</summary>
    private static string Of(string noun)
    {
        var first = noun.Normalize(NormalizationForm.FormD)[0];
        return "AEIOUYaeiouy".Contains(first, StringComparison.Ordinal) ? "d'" + noun : "de " + noun;
    }
}
