using System.Globalization;
using System.Text;

namespace Ruche.Demo;

/// <summary>A post rewritten shortly after it went out, so the demo shows an edit history.</summary>
internal sealed record DemoEdit(string Pool, string Before, string After);

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

    public static readonly string[] Cafe =
    [
        "Qui a laissé le gâteau au chocolat en salle Ruisseau ? Il est délicieux et il n'en reste presque plus 🍫 #café",
        "Bonne nouvelle : la machine à café du 3e est réparée ! Merci {m} pour la relance auprès des services généraux ☕ #café",
        "Quelqu'un a un chargeur USB-C à prêter pour l'après-midi ? Je suis en salle Canopée.",
        "Petit rappel : le déjeuner d'équipe de {day} est au restaurant libanais en face. Inscriptions auprès de {m} 🥙",
        "Mes #3goalsaday du jour :\n1. Finir la relecture demandée par {m}\n2. Préparer la démo de {day}\n3. Aller courir à midi",
        "Mes #3goalsaday : boucler le rapport mensuel, répondre à tous les courriels en attente, et ne pas oublier de déjeuner 😅",
        "Vous avez des recommandations de podcasts pour les trajets ? J'ai épuisé toute ma liste 🎧",
        "Le baby-foot est de nouveau opérationnel. Qui relève le défi de {m} et {m2} ce midi ? ⚽",
        "Merci à toutes celles et ceux qui sont venus au petit-déjeuner de {site} ce matin, c'était un vrai plaisir 🥐",
        "Question existentielle du jour : pain au chocolat ou chocolatine ? Sondage officieux en commentaires 😄",
        "Quelqu'un connaît un bon ostéopathe près du bureau ? Mon dos n'a pas apprécié le déménagement du week-end.",
        "Les photos de la soirée d'équipe sont en ligne dans l'espace Photo 📷 Merci {m} pour les clichés !",
        "Rappel amical : le frigo de la cuisine sera vidé vendredi à 16 h. Pensez à récupérer vos boîtes 🙏",
        "Je cherche des partenaires pour un escape game après le travail, on est déjà quatre avec {m}. Qui se joint à nous ? 🔐",
        "Bravo à {m} pour son premier semi-marathon ce week-end ! 🏅 #kudos",
        "Une recommandation de livre pour les vacances ? J'ai adoré « L'Anomalie » l'an dernier 📚",
        "Les plantes de l'open space ont besoin d'amour : qui veut rejoindre le club des arroseurs ? 🌱",
        "Le food truck coréen est de retour devant le bureau {day} midi 🍜",
        "Merci {m} pour le coup de main sur mon poste de travail ce matin, tu m'as sauvé la journée 🙌 #kudos",
        "Petit sondage : vous préférez les réunions le matin ou l'après-midi ? Je prépare le planning du trimestre.",
        "Qui veut covoiturer pour le séminaire de {day} ? J'ai trois places 🚗",
        "Mes #3goalsaday : clarifier les priorités avec {m}, terminer la présentation client, et ranger enfin mon bureau.",
        "Le club de lecture se réunit {day} à 12 h 30. Au programme : « Sapiens ». Tout le monde est bienvenu 📖",
        "J'ai fait trop de quiche hier soir : premier arrivé, premier servi en cuisine 🥧",
        "Quelqu'un a trouvé un parapluie bleu en salle Alvéole ? Je crois que c'est celui de {m} ☔",
        "Idée pour le prochain afterwork : une dégustation de fromages ? 🧀 Qui est motivé ?",
        "Merci {m} et {m2} pour l'organisation du quiz de vendredi, on a ri du début à la fin 🎉 #kudos",
        "Est-ce que quelqu'un sait si le local vélos est accessible le week-end ? 🚲",
        "La cagnotte pour le départ de notre stagiaire est ouverte, demandez le lien à {m} 🎁",
        "Premier café de la journée et déjà trois réunions au compteur. Courage à tous ☕ #café",
        "Qui veut goûter ma recette de banana bread ? J'en ai déposé un en cuisine 🍌",
        "Mes #3goalsaday : finir mon point mensuel, prendre un café avec {m}, et lire enfin la doc du nouvel outil 😄",
        "Il reste des places pour l'atelier « premiers secours » de {day}, c'est deux heures très utiles 🩹",
        "Quel est votre meilleur conseil pour rester concentré en open space ? Je prends toutes les astuces 🎧",
        "Merci {m} pour les cookies du matin, le moral de l'équipe est au beau fixe 🍪 #kudos",
        "Je lance un tournoi d'échecs interne, premier match contre {m} {day} midi. Qui relève le défi ? ♟️",
        "Mes #3goalsaday : un dossier important bouclé, une réunion en moins, une vraie pause déjeuner.",
        "Quelqu'un veut reprendre mon abonnement au panier de légumes bio pendant mes congés ? 🥕",
        "La salle de sport partenaire propose une séance d'essai gratuite cette semaine, on y va {day} avec {m} 💪",
        "Petite pensée pour les collègues de Singapour qui finissent leur journée quand on commence la nôtre 🌏",
        "On organise une collecte de vêtements pour une association du quartier, le carton est à l'accueil 💚",
        "Le quiz de culture générale de {day} midi est lancé : thème cinéma 🎬 Équipes de quatre !",
        "Mes #3goalsaday : préparer l'atelier de {day}, appeler {client}, et me coucher avant minuit 😴",
        "Le gâteau de {m} remporte le concours de pâtisserie haut la main 🎂 #kudos",
        "Quelqu'un a des conseils pour un premier voyage au Japon ? Départ dans deux mois ✈️",
        "Quelqu'un a une rallonge électrique à prêter ? La salle Essaim en manque cruellement 🔌",
        "Mes #3goalsaday : relire le contrat de {client}, débloquer {m}, et faire une vraie pause à 16 h ☕",
        "Le concours de la plus belle tasse du bureau est ouvert, envoyez vos photos à {m} 🏆 #café",
        "Qui a laissé un magnifique bouquet de fleurs à l'accueil ? Ça met de bonne humeur 💐",
        "Recherche désespérément la télécommande du vidéoprojecteur de la grande salle 🔍",
        "Merci {m} d'avoir pris le temps de m'expliquer les notes de frais, sans toi je n'aurais jamais trouvé 😅",
        "Une idée de cadeau de naissance collectif pour {m} ? La cagnotte est ouverte 👶",
        "Le jeu de société du midi de {day} : Codenames. Il reste deux places 🎲",
        "Petit rappel écolo : les gobelets jetables disparaissent lundi, pensez à votre tasse ♻️ #café",
        "Qui connaît un bon traiteur pour un pot de départ d'une trentaine de personnes ? 🥂",
    ];

    public static readonly IReadOnlyDictionary<string, string[]> CafeBySite = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [DemoRoster.Paris] =
        [
            "Mouvement social dans les transports demain : pensez au télétravail si vous le pouvez. #télétravail",
            "La terrasse du 5e est ouverte, café au soleil à 15 h ? ☀️ #café",
            "Quelqu'un a testé la nouvelle boulangerie au coin de la rue ? Leurs croissants sont incroyables 🥐",
            "Ligne 9 en panne ce matin, je serai en retard pour le point de 9 h 30 🚇",
            "Expo photo au Jeu de Paume ce week-end, qui est partant ? 🖼️",
            "Le marché d'Aligre le samedi matin, quelqu'un connaît ? On m'en a dit beaucoup de bien 🥕",
            "Qui est partant pour un pique-nique sur les quais de Seine vendredi midi ? 🧺",
        ],
        [DemoRoster.Montreal] =
        [
            "Qui vient manger une poutine ce midi au casse-croûte du coin ? 🍟",
            "Petit rappel : le 5 à 7 de l'équipe est jeudi au bistro de la rue Saint-Denis 🍻",
            "Bon matin tout le monde ! Le café du 4e est prêt ☕ #café",
            "Des recommandations de cabane à sucre pour une sortie d'équipe ? 🍁",
            "Match du Canadien ce soir, on le regarde ensemble à la cafétéria ? 🏒",
            "Qui veut se joindre à nous pour une partie de hockey cosom jeudi soir ? 🏑",
        ],
        [DemoRoster.Singapore] =
        [
            "Lunch au hawker centre de Maxwell aujourd'hui ? Le chicken rice vaut le détour 🍗",
            "Gros orage tropical, tout le monde reste au bureau un peu plus longtemps ⛈️",
            "Qui veut tester le nouveau café de Tanjong Pagar ? Kopi et kaya toast au menu ☕ #café",
            "La clim de la salle Merlion est réglée trop fort, pensez à votre gilet 🥶",
            "Balade à East Coast Park samedi matin, qui vient ? 🚲",
        ],
    };

    public static readonly string[] Friday =
    [
        "Bon week-end à toutes et à tous ! Reposez-vous bien 🌞",
        "C'est vendredi ! Bon week-end et à lundi 👋",
        "Bon week-end ! Pour ma part : randonnée et zéro écran 🥾",
        "Semaine intense, merci à toute l'équipe pour l'énergie. Bon week-end ! #kudos",
        "Bon week-end à tous, et bon courage à {m} pour son déménagement 📦",
        "Dernière réunion de la semaine terminée ✅ Bon week-end tout le monde !",
        "Bon week-end ! Qui a des bons plans ciné à partager ? 🍿",
    ];

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
