namespace Ruche.Demo.Posts;

/// <summary>The direction's announcements and the interest groups (running, remote work, photo).</summary>
internal static partial class DemoTexts
{
    public static readonly string[] Announcements =
    [
        "**Réunion générale trimestrielle** jeudi à 16 h (heure de Paris), 10 h à Montréal et 22 h à Singapour. L'enregistrement sera disponible pour tout le monde. Au programme : résultats, feuille de route et questions ouvertes.",
        "Nous avons le plaisir d'annoncer la signature d'un contrat pluriannuel avec {client} 🎉 Bravo à {m} et à toute l'équipe Ventes !",
        "**Sécurité** : une campagne d'hameçonnage cible en ce moment nos boîtes mail. Ne cliquez sur aucun lien qui demande vos identifiants et signalez tout message suspect à {m}. #sécurité",
        "La campagne des entretiens annuels démarre lundi. Les supports sont disponibles dans l'espace RH ; n'hésitez pas à contacter {m} pour toute question.",
        "Bienvenue aux nouvelles recrues de ce mois-ci ! Prenez le temps de vous présenter dans le Café ☕ #bienvenue",
        "**Nouvelle politique de télétravail** : à partir du mois prochain, jusqu'à trois jours de télétravail par semaine pour tous les postes compatibles. Le détail est dans la charte, et vos managers en parleront en réunion d'équipe. #télétravail",
        "Nous recrutons ! Six postes sont ouverts en Ingénierie, au Support et aux Ventes, à Paris, Montréal et Singapour. La cooptation est plus que jamais encouragée 🙌 #recrutement",
        "Le bureau de Singapour déménage le mois prochain dans des locaux plus grands à Tanjong Pagar 🏙️ Merci {m} pour la coordination du projet.",
        "Résultats du trimestre : chiffre d'affaires en hausse de 18 %, satisfaction client à 4,6/5. Un immense merci à chacune et à chacun d'entre vous. #kudos",
        "**Maintenance planifiée** samedi de 22 h à 2 h (heure de Paris) : la messagerie et l'intranet seront indisponibles. #sécurité",
        "Les élections du CSE auront lieu dans un mois. Les listes de candidats sont à déposer auprès des RH avant la fin du mois.",
        "Le séminaire annuel aura lieu à Lyon au printemps. Les collègues de Montréal et de Singapour seront parmi nous ✈️",
        "**Double authentification** : elle devient obligatoire pour tous les comptes à la fin du mois. Le guide pas à pas est en ligne, et {m} tient des permanences mardi et jeudi. #sécurité",
        "Bravo à l'équipe Support client pour un trimestre record : 95 % des tickets résolus en moins de 24 h 👏 #support #kudos",
        "Le programme de mentorat interne est lancé ! Inscrivez-vous comme mentor ou mentoré auprès de {m} avant vendredi.",
        "Lancement officiel du **Projet Atlas**, notre nouvelle plateforme de données client. Un point d'étape sera publié ici chaque mois. #atlas #produit",
        "Le bureau de Montréal accueillera la journée portes ouvertes clients le mois prochain. Merci d'avance à tous les volontaires 🍁",
        "Mise à jour de la mutuelle : les nouvelles garanties s'appliquent dès le 1er du mois. Tous les détails sont dans l'espace RH.",
    ];

    public static readonly string[] Running =
    [
        "Sortie du midi : 8 km le long du canal, départ 12 h 15 du hall. Qui vient ? 🏃",
        "Nouveau record personnel sur 10 km ce week-end : 48 minutes ! 🎉",
        "On monte une équipe pour le semi-marathon de l'automne ? Déjà trois inscrits avec {m}.",
        "Conseil du jour : n'oubliez pas les étirements, mes mollets s'en souviennent 😅",
        "Des recommandations de chaussures pour le trail ? 👟",
        "Fractionné ce soir 18 h 30, rendez-vous au parc. {m} apporte le chrono ⏱️",
        "Course solidaire le mois prochain : chaque kilomètre couru finance une association locale 💚",
        "Première sortie sous la pluie, finalement c'était très agréable 🌧️",
        "Bravo à {m} pour son premier marathon bouclé en moins de 4 h ! 🏅 #kudos",
        "Défi de la semaine : 30 km cumulés. Partagez vos kilomètres en commentaire !",
        "Qui utilise une application pour suivre ses sorties ? Je cherche à comparer nos allures 📱",
    ];

    public static readonly string[] Remote =
    [
        "Astuce #télétravail : bloquer 30 minutes sans réunion après le déjeuner a changé ma productivité.",
        "Quel casque utilisez-vous pour les visios ? Le mien grésille depuis une semaine 🎧",
        "Le nouvel outil de visio gère enfin les sous-titres en direct en français 👏",
        "Petit guide pour bien configurer son double écran à la maison, merci {m} pour les conseils. #télétravail",
        "Vous avez une méthode pour gérer vos tâches ? Je teste le time-blocking. #3goalsaday",
        "Rappel #sécurité : verrouillez votre session quand vous travaillez dans un lieu public 🔒",
        "Mon espace de #télétravail est enfin installé : bureau assis-debout et plante verte 🌿",
        "Vous connaissez des raccourcis clavier utiles dans l'agenda partagé ? J'en découvre tous les jours.",
        "Fuseaux horaires : 15 h à Paris, c'est 9 h à Montréal et 22 h à Singapour. Pensez-y avant de caler une réunion 🌍 #télétravail",
        "Le VPN est bien plus rapide depuis la mise à jour, merci {m} ! #sécurité",
        "Qui a testé les espaces de coworking partenaires ? Les retours d'expérience sont bienvenus. #télétravail",
        "Astuce : le mode « ne pas déranger » programmé à 18 h, un vrai bonheur 😌",
        "Les réunions sans caméra le vendredi, bonne ou mauvaise idée ? Débat ouvert 🎥 #télétravail",
        "Le gestionnaire de mots de passe de l'entreprise est disponible pour tous, {m} a fait un tutoriel. #sécurité",
    ];

    public static readonly string[] Photo =
    [
        "Coucher de soleil depuis la terrasse du bureau hier soir 🌅 #photo",
        "Balade photo dimanche matin dans le quartier, qui est partant ? 📷",
        "Je cherche un objectif 50 mm d'occasion, des bons plans ?",
        "Thème du concours du mois : « reflets ». Envoyez vos clichés à {m} avant la fin du mois ! #photo",
        "Mon premier essai en argentique, le résultat est plein de surprises 🎞️",
        "Bravo à {m} qui remporte le concours « architecture » 🏆 #kudos",
        "Atelier retouche avec {m} {day} midi : on apprend les bases de Lightroom.",
        "Les photos de la soirée d'équipe à Montréal sont en ligne, merci {m} 📸",
        "Gardens by the Bay de nuit, absolument magique ✨ #photo",
        "Quelle appli utilisez-vous pour classer vos photos ? J'en ai 20 000 à trier 😱",
        "Le marché aux puces de dimanche regorgeait de vieux appareils, j'ai craqué pour un Rolleiflex 📷",
    ];
}
