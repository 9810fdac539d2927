using Ruche.Demo.People;

namespace Ruche.Demo.Posts;

/// <summary>
/// French text pools for the demo company. Placeholders: {m} and {m2} are @mentions of other members of the
/// space, {a} the post's author, {p} the author of the comment replied to, {client} a client, {day} a weekday,
/// {site} the writer's site, {skill} one of the writer's skills.
/// </summary>
internal static partial class DemoTexts
{
    public static readonly string[] Clients =
    [
        "Groupe Valmont", "Boréal Assurances", "Clinique des Tilleuls", "Transports Laurentides", "Maison Lacroix",
        "Kopi Logistics", "Banque du Littoral", "Hôtels Marina Bay", "Éditions Lumen", "Coopérative Agrilac",
    ];

    public static readonly string[] Days = ["lundi", "mardi", "mercredi", "jeudi", "vendredi"];

    public static readonly string[] Profile =
    [
        "Trois ans aujourd'hui dans l'entreprise ! Merci à toutes les personnes qui ont rendu ce chemin si riche 🎂",
        "Certification en {skill} obtenue ce matin 🎓 Merci {m} pour les conseils de préparation !",
        "Je serai en congé la semaine prochaine. Pour toute urgence, contactez {m}.",
        "Super conférence hier sur l'IA appliquée au service client. Mes notes sont à disposition si ça intéresse quelqu'un 💡",
        "Je cherche un binôme pour le programme de mentorat, idéalement quelqu'un du Support ou des Ventes.",
        "De retour après trois semaines de vacances ! Merci {m} pour l'intérim 🙏",
        "Lecture du moment : « Accelerate ». Quelqu'un l'a lu ? 📚",
        "Aujourd'hui, j'ai animé mon premier atelier devant 40 personnes. Stressant mais tellement enrichissant !",
        "Mes #3goalsaday de la semaine : apprendre, partager, et prendre le temps de dire merci.",
        "Merci {m} pour ton accompagnement pendant mon intégration, c'est précieux ✨",
        "Je parle de {skill} au meetup de {day} soir, venez me soutenir !",
        "Petite victoire du jour : zéro courriel non lu 🎉",
        "Nouveau bureau, nouvelle vue, même énergie 😄",
        "J'ai passé la journée avec l'équipe Support pour mieux comprendre nos clients. À refaire ! #support",
        "Dix ans de carrière aujourd'hui, et toujours autant de choses à apprendre. Merci à {m} de m'avoir fait confiance à mes débuts.",
        "Je lance un petit groupe d'échange sur {skill}, écrivez-moi si ça vous tente 🙋",
        "Belle journée de bénévolat avec l'équipe aujourd'hui, merci {m} pour l'organisation 💚",
        "J'ai terminé la formation interne sur la conduite de réunion. Mes réunions vont être plus courtes, promis ⏱️",
        "Première séance de mentorat avec {m} : déjà plein d'idées à mettre en pratique 🙌",
        "Je suis à {site} toute la semaine prochaine, n'hésitez pas à me proposer un café ☕",
        "L'article de {m} sur {skill} est une pépite, allez le lire !",
        "Mon objectif du trimestre : progresser en {skill}. Des ressources à me conseiller ? 📚",
        "Un an déjà que j'ai rejoint l'entreprise, merci pour l'accueil et la confiance 🎉",
        "Quel plaisir d'avoir présenté notre travail à {client} aujourd'hui, merci {m} pour la préparation !",
    ];

    public static readonly string[] Shares =
    [
        "À lire 👇", "Important pour toutes les équipes 👇", "Très belle nouvelle, bravo à tous !",
        "Je partage pour celles et ceux qui l'auraient manqué.", "Merci pour ce rappel utile.", "Bravo à l'équipe 🎉",
        "Ça concerne aussi nos clients, à relayer !", "Pour info {m}.",
    ];

    public static readonly string[] Comments =
    [
        "Bravo {a} ! 🎉", "Super nouvelle !", "Merci pour le partage 🙏", "Top, merci !", "Je m'inscris 🙋", "Je suis de la partie !",
        "Très intéressant, merci.", "On en parle au prochain point ?", "Je regarde ça cet après-midi.", "Merci {a}, c'est très clair.",
        "+1, je valide 👍", "Excellente initiative !", "Génial 😄", "Je peux aider si besoin.",
        "Est-ce que ça concerne aussi les équipes de Montréal ?", "Et pour Singapour, même calendrier ?", "Bien joué à toute l'équipe 👏",
        "Merci pour le rappel !", "Je transfère à mon équipe.", "Est-ce qu'il y aura un enregistrement ?",
        "Ça tombe bien, j'avais justement la question.", "Bonne idée, je relaie.", "Je m'en occupe 👍", "Hâte de voir la suite !",
        "Bravo, c'est mérité 🏅", "Tu peux m'envoyer le lien {a} ?", "Quel boulot, chapeau !", "Je note, merci.", "C'est noté pour moi ✅",
        "Je serai là !", "Dommage, je suis en déplacement ce jour-là.", "Merci, ça m'aide beaucoup.",
        "Intéressant ! Tu as des chiffres plus détaillés ?", "Je pense que {m} a la réponse.", "{m}, tu avais travaillé sur un sujet proche, non ?",
        "😂😂", "Trop bien !", "Ça me parle, on a eu le même souci la semaine dernière.", "Merci à toi {a} 🙏", "Félicitations !",
        "On peut en discuter en visio demain ?", "Je vote pour ! 🙋", "Top, j'ajoute à mon agenda 📅", "Très bonne nouvelle pour l'équipe.",
        "Quel plaisir de lire ça ✨", "Je rejoins {a}, c'est une vraie avancée.", "Merci pour la transparence 👍", "J'adore l'idée !",
    ];

    public static readonly string[] Replies =
    [
        "Merci {p} !", "Exactement 👍", "Je te l'envoie tout de suite {p}.", "Oui, même calendrier pour tout le monde.",
        "Bonne question, je vérifie.", "Avec plaisir !", "On se cale un créneau {p} ?", "Tout à fait d'accord avec toi.", "Haha 😄",
        "C'est prévu, oui.", "Je confirme !", "Je t'ajoute à l'invitation {p}.", "Merci pour ta réactivité 🙏",
        "Pas encore, mais ça arrive bientôt.", "Oui, il y aura un replay.", "Bien vu {p} !", "Je m'en charge.", "Top, merci 🙌",
        "On en reparle lundi.", "👍",
    ];

    public static readonly DemoEdit[] Edits =
    [
        new("announcements", "Rappel : la réunion générale aura lieu jeudi à 16 h.",
            "Rappel : la réunion générale aura lieu **vendredi** à 16 h (heure de Paris). Le changement de jour permet à nos collègues de Singapour d'y assister en direct."),
        new("cafe", "Qui vient au déjeuner d'équipe mardi ?",
            "Qui vient au déjeuner d'équipe mardi ? Réservation à 12 h 30 au bistrot d'en face, répondez avant 11 h 🍽️"),
        new("team:" + DemoRoster.Engineering, "La préproduction sera indisponible demain matin.",
            "La préproduction sera indisponible demain de 8 h à 10 h (heure de Paris) pour la mise à jour de PostgreSQL. Merci {m} de prévenir le Support. #atlas"),
        new("atlas", "Compte rendu de la démo #atlas en pièce jointe.",
            "Compte rendu de la démo #atlas : les retours sont dans le wiki du projet. Merci {m} pour la prise de notes !"),
        new("remote", "Astuce : utilisez le raccourci Ctrl+Maj+M pour couper le micro.",
            "Astuce : utilisez le raccourci `Ctrl+Maj+M` pour couper le micro dans l'outil de visio (et `Ctrl+Maj+O` pour la caméra). #télétravail"),
    ];

    public static string Welcome(string newcomerHandle, string jobTitle, string department, string site) =>
        $"Bienvenue à @{newcomerHandle} qui rejoint l'équipe {department} à {site} comme {jobTitle} ! N'hésitez pas à passer lui dire bonjour ☕ #bienvenue";

    public static string Introduction(string jobTitle, string site, string managerHandle) =>
        $"Bonjour à toutes et à tous ! Je viens d'arriver comme {jobTitle} à {site}. Merci @{managerHandle} et à toute l'équipe pour l'accueil, hâte de travailler avec vous 🙂 #bienvenue";
}
