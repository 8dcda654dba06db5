"""Four demo guides of the ESS/RSE network (fictional content, realistic French)."""

ACHATS_BODY = """
<h2>Introduction</h2>
<h3>Pourquoi ce guide</h3>
<p>Chaque année, les huit mutuelles du groupe achètent pour plusieurs dizaines de millions
d'euros de biens et de services : du papier et des ordinateurs, des repas et des nuits d'hôtel,
de l'électricité, des prestations de conseil, des travaux dans les agences. Ces achats pèsent
lourd dans notre empreinte environnementale : dans les bilans carbone déjà réalisés au sein du
groupe, ils représentent à eux seuls plus de la moitié des émissions. Ils engagent aussi notre
responsabilité sociale, à travers les conditions de travail de nos fournisseurs et de leurs
sous-traitants.</p>
<p>Acheter responsable, ce n'est pas acheter plus cher ni acheter moins bien. C'est se poser
les bonnes questions avant de commander, choisir des fournisseurs qui partagent nos valeurs et
raisonner en coût global plutôt qu'en prix d'achat. Pour des organismes de l'économie sociale
et solidaire, sans actionnaires à rémunérer et gérés par leurs adhérents, c'est aussi une
question de cohérence : nos achats doivent ressembler à ce que nous défendons.</p>
<p>Ce guide a été rédigé par les ambassadrices et ambassadeurs ESS/RSE de la Mutuelle Armor
Santé et de la Mutuelle Occitane d'Entraide, avec les contributions des services généraux et
des acheteurs de plusieurs mutuelles du groupe. Il met en œuvre l'action 2.2 du plan d'action
RSE adopté par l'assemblée générale de juin 2026 : « Adopter la charte des achats responsables
du groupe ».</p>
<h3>À qui s'adresse-t-il</h3>
<p>Il s'adresse d'abord aux personnes qui achètent au quotidien sans en avoir le titre : les
assistantes et assistants de direction, les responsables d'agence, les équipes des services
généraux, les chargés de communication qui commandent des supports ou organisent des
événements. Dans la plupart de nos mutuelles, il n'existe pas de service achats à proprement
parler, et ce sont ces personnes qui font, commande après commande, la politique d'achat de
l'entreprise.</p>
<p>Il s'adresse aussi aux directions qui arbitrent les budgets, aux élus qui valident les
orientations et aux ambassadeurs ESS/RSE qui accompagnent la démarche dans chaque mutuelle.
Enfin, il peut être remis aux fournisseurs eux-mêmes, pour qu'ils comprennent ce que nous
attendons d'eux et pourquoi.</p>
<h3>Comment l'utiliser</h3>
<p>Le guide se lit de deux manières. Les premiers chapitres présentent nos engagements, le
cadre réglementaire et une méthode en cinq étapes, valable pour tout achat : il est utile de
les lire une fois en entier. Les chapitres suivants sont des fiches par catégorie d'achat, que
l'on consulte au moment de passer commande : chacune rappelle ce que l'on vise, les labels et
preuves à demander, les bonnes pratiques et un retour d'expérience d'une mutuelle du
groupe.</p>
<p>Trois outils accompagnent le guide et peuvent être téléchargés depuis sa page : une grille
d'évaluation des fournisseurs, une liste de contrôle à parcourir avant tout achat et un modèle
de clause RSE à insérer dans les contrats. Fidèles à notre principe « harmoniser sans
uniformiser », ces outils sont des bases communes : chaque mutuelle peut les adapter à sa
taille, à son territoire et à ses priorités.</p>
<ul>
<li><strong>Pour un achat courant</strong> (moins de 2 000 euros) : parcourez la fiche de la
catégorie concernée et la liste de contrôle.</li>
<li><strong>Pour un achat important</strong> ou un contrat pluriannuel : suivez la méthode en
cinq étapes et utilisez la grille d'évaluation.</li>
<li><strong>Pour un renouvellement de contrat</strong> : relisez la fiche de la catégorie et
ajoutez le modèle de clause RSE au nouveau contrat.</li>
</ul>

<h2>Nos engagements</h2>
<p>La charte des achats responsables du groupe, que chaque mutuelle est invitée à adopter par
son conseil d'administration, repose sur cinq engagements. Ils ne remplacent pas les règles
internes de chaque mutuelle (délégations de signature, seuils de mise en concurrence), mais
ils donnent une direction commune à toutes nos décisions d'achat.</p>
<h3>1. Questionner le besoin avant d'acheter</h3>
<p>L'achat le plus responsable est souvent celui que l'on ne fait pas. Avant toute commande,
nous nous demandons si le besoin est réel, s'il peut être satisfait par ce que nous possédons
déjà, par la mutualisation avec une autre équipe ou une autre mutuelle, par la location, la
réparation ou le réemploi.</p>
<h3>2. Raisonner en coût global</h3>
<p>Nous comparons les offres sur l'ensemble de leur cycle de vie : prix d'achat, mais aussi
consommation d'énergie, consommables, maintenance, durée d'utilisation et fin de vie. Un
écran qui dure huit ans coûte moins cher qu'un écran qui en dure quatre, même s'il est affiché
à un prix supérieur.</p>
<h3>3. Choisir des fournisseurs engagés</h3>
<p>À qualité comparable, nous privilégions les fournisseurs qui réduisent leur impact
environnemental, respectent les droits de leurs salariés et de ceux de leurs sous-traitants,
et s'engagent sur leur territoire. Nous faisons une place particulière aux acteurs de
l'économie sociale et solidaire et du secteur du travail protégé et adapté.</p>
<h3>4. Entretenir des relations équilibrées</h3>
<p>Nous payons nos fournisseurs dans les délais convenus, nous ne leur imposons pas de
conditions abusives et nous veillons à ne pas créer de dépendance excessive, notamment pour
les petites structures dont nous serions le principal client. Un fournisseur que l'on étrangle
ne peut pas investir dans sa propre transition.</p>
<h3>5. Mesurer et progresser ensemble</h3>
<p>Nous suivons quelques indicateurs simples, communs aux huit mutuelles, et nous partageons
nos réussites comme nos difficultés au sein du réseau des ambassadeurs. Nous ne cherchons pas
la perfection dès la première année : nous cherchons à progresser chaque année et à le
montrer.</p>

<h2>Le contexte réglementaire</h2>
<p>Les mutuelles relevant du Code de la mutualité sont des organismes privés : elles ne sont
pas soumises au Code de la commande publique. Elles n'échappent pas pour autant à un
mouvement de fond qui fait des achats un levier central de la responsabilité des entreprises.
Ce chapitre rappelle les textes les plus utiles à connaître, sans prétendre à
l'exhaustivité ; en cas de doute, rapprochez-vous du service juridique de votre mutuelle.</p>
<h3>Le reporting de durabilité</h3>
<p>La directive européenne sur la publication d'informations en matière de durabilité, dite
CSRD, a profondément renouvelé le reporting extra-financier. Selon leur taille et un
calendrier d'application qui a été révisé au niveau européen, certaines entités du groupe
sont ou seront concernées. Les normes de reporting associées (ESRS) demandent notamment de
décrire les impacts de la chaîne de valeur, les émissions indirectes liées aux achats et la
manière dont l'entreprise gère ses relations avec ses fournisseurs. Même pour les mutuelles
qui ne sont pas directement soumises à ces obligations, ces normes constituent une grille de
lecture utile, et nos partenaires financiers et institutionnels s'y réfèrent de plus en
plus.</p>
<h3>Le devoir de vigilance et la lutte contre la corruption</h3>
<p>La loi française sur le devoir de vigilance impose aux plus grandes entreprises d'identifier
et de prévenir les atteintes graves aux droits humains et à l'environnement dans leur chaîne
d'approvisionnement. La loi dite Sapin 2 impose, au-delà de certains seuils, l'évaluation de
l'intégrité des tiers, fournisseurs compris. Nos mutuelles n'atteignent pas toutes ces seuils,
mais les pratiques qu'ils ont fait naître (cartographie des risques, questionnaires aux
fournisseurs, clauses contractuelles) sont de bonnes pratiques pour tous.</p>
<h3>L'économie circulaire et le climat</h3>
<p>La loi relative à la lutte contre le gaspillage et à l'économie circulaire, dite loi AGEC,
a créé l'indice de réparabilité des équipements électriques et électroniques, interdit la
destruction des invendus non alimentaires et renforcé les obligations de tri des déchets sur
les lieux de travail. La loi Climat et résilience a, quant à elle, généralisé la prise en
compte de critères environnementaux dans la commande publique et étendu à la restauration
collective privée les objectifs de produits durables et de qualité issus de la loi Égalim.
Ces textes dessinent la direction que prendront, tôt ou tard, les attentes à l'égard de tous
les acheteurs.</p>
<h3>Les bâtiments et l'énergie</h3>
<p>Le dispositif Éco Énergie Tertiaire, issu du « décret tertiaire », impose aux bâtiments à
usage tertiaire de plus de 1 000 m² une réduction progressive de leur consommation d'énergie
finale : 40 % en 2030, 50 % en 2040 et 60 % en 2050 par rapport à une année de référence.
Plusieurs sièges et plateformes de gestion du groupe sont concernés. Les achats de travaux,
d'équipements et d'énergie doivent donc être pensés en cohérence avec cette trajectoire.</p>
<h3>Les relations avec les fournisseurs</h3>
<p>Le Code de commerce encadre strictement les délais de paiement entre professionnels :
sauf exception, ils ne peuvent dépasser soixante jours à compter de la date d'émission de la
facture, ou quarante-cinq jours fin de mois. Les retards de paiement fragilisent d'abord les
petites entreprises. Par ailleurs, l'obligation d'emploi des travailleurs handicapés permet de
valoriser les achats de prestations réalisées par des établissements et services d'aide par
le travail (ESAT), des entreprises adaptées (EA) ou des travailleurs indépendants handicapés
(TIH).</p>
<h3>Les référentiels volontaires</h3>
<p>La norme internationale ISO 20400 fournit des lignes directrices pour intégrer la
responsabilité sociétale dans les processus d'achat. Le label « Relations fournisseurs et
achats responsables », soutenu par la Médiation des entreprises, distingue les organisations
qui entretiennent des relations durables et équilibrées avec leurs fournisseurs. Ces
référentiels ne sont pas obligatoires ; ils ont inspiré la méthode proposée dans ce
guide.</p>

<h2>La méthode en cinq étapes</h2>
<p>La méthode qui suit s'applique à tout achat significatif. Pour une commande courante, elle
se résume à quelques réflexes ; pour un contrat pluriannuel, chaque étape mérite d'être
documentée. Le temps consacré à un achat doit rester proportionné à son montant et à ses
enjeux : on ne rédige pas un cahier des charges pour un carton de stylos.</p>
<h3>Étape 1 : exprimer le besoin</h3>
<p>Tout commence par une description du besoin, et non de la solution. « Nous avons besoin
d'imprimer les courriers de gestion de deux agences » n'appelle pas la même réponse que
« nous avons besoin de deux imprimantes ». La première formulation ouvre la porte à la
mutualisation, à la location, à la dématérialisation ou à un service d'impression partagé ; la
seconde la referme avant même d'avoir commencé.</p>
<p>Cinq questions suffisent, dans la plupart des cas, à éviter un achat inutile ou mal
dimensionné. Pour bien exprimer le besoin, posez-vous-les systématiquement :</p>
<ol>
<li>Quel problème cherchons-nous à résoudre, et pour qui ?</li>
<li>Ce besoin est-il déjà couvert ailleurs dans la mutuelle ou dans le groupe ?</li>
<li>Peut-on réparer, réemployer, louer ou emprunter plutôt qu'acheter neuf ?</li>
<li>Quelle quantité est réellement nécessaire, et pour combien de temps ?</li>
<li>Quelles sont les exigences indispensables, et lesquelles sont simplement souhaitables ?</li>
</ol>
<p>Associer les futurs utilisateurs à cette réflexion évite à la fois le surdimensionnement et
les mauvaises surprises. C'est aussi le moment de vérifier si un marché ou un accord-cadre
existe déjà au niveau du groupe : plusieurs catégories, comme les fournitures de bureau ou le
matériel informatique, font l'objet de contrats mutualisés.</p>
<h3>Étape 2 : sourcer</h3>
<p>Le sourcing consiste à explorer le marché avant de lancer une consultation. Il permet de
découvrir des solutions auxquelles on n'avait pas pensé, d'identifier des fournisseurs locaux
ou issus de l'économie sociale et solidaire, et de vérifier que les exigences envisagées sont
réalistes. Un critère environnemental que personne ne peut satisfaire n'a aucun effet, sinon
de rendre la consultation infructueuse.</p>
<p>Pour sourcer, plusieurs ressources sont à votre disposition : les annuaires régionaux de
l'économie sociale et solidaire, tenus notamment par les chambres régionales de l'ESS ; les
plateformes recensant les structures du secteur du travail protégé et adapté ; les réseaux
d'entreprises d'insertion ; les salons professionnels et, bien sûr, les autres mutuelles du
groupe, qui ont peut-être déjà travaillé avec un fournisseur recommandable. Le réseau des
ambassadeurs tient à jour une liste partagée de fournisseurs appréciés.</p>
<p>Échanger avec des fournisseurs avant la consultation est légitime, à condition de rester
transparent et équitable : les informations données à l'un doivent pouvoir être données à
tous, et aucun engagement ne doit être pris à ce stade. Gardez une trace écrite de ces
échanges, qui pourra être utile si un candidat évincé conteste la décision.</p>
<h3>Étape 3 : rédiger le cahier des charges</h3>
<p>Le cahier des charges traduit le besoin en exigences vérifiables. Les critères
environnementaux et sociaux peuvent y figurer de trois façons : comme spécifications
techniques obligatoires (par exemple, du papier recyclé certifié), comme critères de notation
des offres (par exemple, la qualité de la démarche RSE du fournisseur), ou comme conditions
d'exécution du contrat (par exemple, la reprise des emballages à la livraison).</p>
<p>Un cahier des charges trop vague laisse les candidats libres de promettre n'importe quoi ;
un cahier des charges trop strict décourage les petites structures. Quelques principes de
rédaction permettent d'éviter ces deux écueils :</p>
<ul>
<li>formuler des exigences précises et mesurables plutôt que des intentions générales ;</li>
<li>demander des preuves (labels, certificats, fiches techniques) et accepter les preuves
équivalentes, pour ne pas exclure une petite entreprise non labellisée mais vertueuse ;</li>
<li>donner aux critères RSE un poids réel dans la notation, au moins 15 à 20 % pour les
achats à fort enjeu ;</li>
<li>prévoir un allotissement qui permette aux petites entreprises et aux structures de l'ESS
de répondre ;</li>
<li>annexer le modèle de clause RSE du groupe au projet de contrat.</li>
</ul>
<h3>Étape 4 : évaluer les offres</h3>
<p>L'évaluation s'appuie sur la grille fournie avec ce guide. Elle combine des critères de
prix (idéalement en coût global), de qualité technique, de service et de responsabilité
sociétale. Chaque critère est noté de 0 à 5, puis pondéré ; les pondérations proposées sont
indicatives et doivent être fixées avant l'ouverture des offres, jamais après.</p>
<p>Pour les critères RSE, méfiez-vous des réponses purement déclaratives. Une entreprise qui
affirme « privilégier les circuits courts » sans pouvoir en donner un exemple ou un chiffre ne
doit pas obtenir la même note que celle qui présente la liste de ses producteurs partenaires.
Les évaluations réalisées par des organismes tiers, comme la notation Ecovadis, peuvent
éclairer l'analyse, mais elles ne doivent pas être exigées des très petites entreprises,
pour lesquelles elles représentent un coût disproportionné.</p>
<p>Lorsque deux offres sont proches, n'hésitez pas à organiser une audition ou à demander des
précisions écrites. La décision finale et ses motifs sont consignés dans un court rapport
d'analyse, conservé avec le contrat.</p>
<h3>Étape 5 : suivre le fournisseur</h3>
<p>Un engagement qui n'est jamais vérifié finit par être oublié, de part et d'autre. Pour les
contrats importants, prévoyez au moins une revue annuelle avec le fournisseur, au cours de
laquelle sont examinés la qualité du service, le respect des clauses RSE et les pistes
d'amélioration. Ces revues sont aussi l'occasion d'entendre les difficultés du fournisseur et
d'ajuster ensemble ce qui peut l'être.</p>
<p>Le suivi passe également par quelques données simples que le fournisseur peut transmettre
chaque année : quantités livrées, part de produits labellisés, émissions liées au transport,
taux de reprise des emballages. Intégrez cette obligation de reporting au contrat dès le
départ : elle est beaucoup plus difficile à obtenir une fois le contrat signé.</p>
<p>Enfin, lorsqu'un contrat arrive à son terme, prenez le temps d'en tirer les enseignements
et de les partager dans le réseau des ambassadeurs. C'est ainsi que les fiches de ce guide
s'enrichissent d'une année sur l'autre.</p>

<h2>Fiche 1. Fournitures de bureau</h2>
<p>Stylos, blocs, classeurs, enveloppes, petit mobilier : les fournitures de bureau représentent
des montants modestes à l'unité, mais des volumes considérables à l'échelle du groupe. Elles
sont aussi la catégorie où les habitudes sont les plus ancrées et où les commandes sont les
plus dispersées. C'est donc un excellent terrain pour commencer une démarche d'achats
responsables : les alternatives existent, elles sont rarement plus chères, et les gains sont
visibles par tous les salariés.</p>
<h3>Ce que l'on vise</h3>
<ul>
<li>Réduire les volumes commandés en regroupant les commandes et en partageant les stocks
entre services.</li>
<li>Privilégier les produits rechargeables, réutilisables ou issus de matières recyclées.</li>
<li>Supprimer les produits à usage unique lorsque des alternatives durables existent.</li>
<li>Confier une partie des commandes à des structures du travail protégé et adapté.</li>
<li>Limiter les emballages et le nombre de livraisons.</li>
</ul>
<h3>Les labels et preuves à demander</h3>
<table>
<thead>
<tr><th scope="col">Label</th><th scope="col">Ce qu'il garantit</th>
<th scope="col">Où le vérifier</th></tr>
</thead>
<tbody>
<tr><td>Écolabel européen</td>
<td>Impact environnemental réduit sur l'ensemble du cycle de vie, selon des critères publics
fixés au niveau européen et contrôlés par un organisme indépendant.</td>
<td>Catalogue officiel des produits écolabellisés de la Commission européenne.</td></tr>
<tr><td>NF Environnement</td>
<td>Écolabel officiel français, délivré par AFNOR Certification, qui associe exigences
environnementales et aptitude à l'usage.</td>
<td>Site des écolabels officiels d'AFNOR, recherche par produit ou par fabricant.</td></tr>
<tr><td>Ange bleu (Blauer Engel)</td>
<td>Écolabel public allemand, particulièrement exigeant sur les substances dangereuses et la
part de matières recyclées.</td>
<td>Base de données officielle du label, accessible en ligne.</td></tr>
<tr><td>FSC ou PEFC</td>
<td>Bois et papier issus de forêts gérées durablement, avec une traçabilité tout au long de la
chaîne de transformation.</td>
<td>Numéro de certificat à contrôler dans les bases publiques de FSC et de PEFC.</td></tr>
</tbody>
</table>
<h3>Bonnes pratiques</h3>
<ul>
<li>Organisez une commande groupée par mois et par site, plutôt que des commandes individuelles
au fil de l'eau.</li>
<li>Créez une « armoire partagée » où chacun dépose les fournitures dont il n'a plus
l'usage.</li>
<li>Réduisez le catalogue proposé aux salariés à une sélection de références responsables :
c'est le moyen le plus efficace d'orienter les choix.</li>
<li>Demandez au fournisseur de livrer en cartons réutilisables ou de reprendre ses
emballages.</li>
<li>Vérifiez que le contrat mutualisé du groupe ne couvre pas déjà votre besoin avant de
commander ailleurs.</li>
</ul>
<h3>Retour d'expérience</h3>
<blockquote>
<p>« Au siège de Metz, chaque service passait ses propres commandes, parfois plusieurs fois par
semaine. Nous avons centralisé les commandes auprès de l'accueil, une fois par mois, et réduit
le catalogue de 340 à 90 références, presque toutes écolabellisées. En un an, le volume
commandé a baissé d'un tiers et le nombre de livraisons a été divisé par quatre. Personne ne
s'est plaint de manquer de quoi que ce soit. »</p>
<p>— Nathalie, responsable des services généraux, Mutuelle du Rhin et de la Moselle</p>
</blockquote>

<h2>Fiche 2. Matériel informatique et numérique</h2>
<p>La fabrication des équipements concentre l'essentiel de l'empreinte environnementale du
numérique : extraction de métaux, consommation d'eau et d'énergie, transport. Un ordinateur
portable a déjà produit la plus grande partie de ses émissions lorsqu'il est allumé pour la
première fois. Le levier principal n'est donc pas la consommation électrique à l'usage, mais
la durée de vie des équipements. L'action 2.5 du plan d'action fixe un objectif clair : au
moins cinq ans d'utilisation pour le matériel informatique.</p>
<h3>Ce que l'on vise</h3>
<ul>
<li>Allonger la durée d'utilisation des ordinateurs, écrans et téléphones, par la réparation et
l'évolution des composants.</li>
<li>Acheter reconditionné chaque fois que c'est possible, en particulier pour les téléphones
et les écrans.</li>
<li>Dimensionner les équipements au juste besoin, sans surqualité ni accessoires inutiles.</li>
<li>Choisir des équipements réparables, dont les pièces détachées restent disponibles
longtemps.</li>
<li>Donner une seconde vie aux équipements retirés, après un effacement certifié des
données.</li>
</ul>
<h3>Les labels et preuves à demander</h3>
<table>
<thead>
<tr><th scope="col">Label</th><th scope="col">Ce qu'il garantit</th>
<th scope="col">Où le vérifier</th></tr>
</thead>
<tbody>
<tr><td>TCO Certified</td>
<td>Critères environnementaux et sociaux portant sur la fabrication, la durée de vie,
l'ergonomie et la gestion des substances dangereuses.</td>
<td>Moteur de recherche des produits certifiés sur le site de TCO Certified.</td></tr>
<tr><td>EPEAT</td>
<td>Registre d'équipements évalués sur leur cycle de vie, avec trois niveaux (bronze, argent,
or).</td>
<td>Registre public EPEAT, recherche par modèle.</td></tr>
<tr><td>Energy Star</td>
<td>Performance énergétique à l'usage, notamment en veille et en fonctionnement courant.</td>
<td>Base de données des produits Energy Star.</td></tr>
<tr><td>Indice de réparabilité</td>
<td>Note sur 10 affichée en France pour plusieurs catégories d'équipements, dont les
ordinateurs portables et les smartphones.</td>
<td>Fiche produit du vendeur ou site du fabricant.</td></tr>
<tr><td>Preuves du reconditionnement</td>
<td>Appareil testé, données effacées selon une méthode certifiée, garantie d'au moins douze
mois.</td>
<td>Rapport de test, certificat d'effacement et conditions de garantie fournis par le
reconditionneur.</td></tr>
</tbody>
</table>
<h3>Bonnes pratiques</h3>
<ul>
<li>Fixez dans votre politique informatique une durée d'utilisation cible par type
d'équipement, et ne renouvelez pas un appareil qui fonctionne encore.</li>
<li>Remplacez la batterie, ajoutez de la mémoire ou changez le disque d'un ordinateur
vieillissant plutôt que de le remplacer.</li>
<li>Évitez le double équipement (téléphone personnel et professionnel, deux écrans non
utilisés) lorsque l'activité ne le justifie pas.</li>
<li>Confiez les équipements retirés à une structure de l'ESS spécialisée dans le
reconditionnement, qui pourra les revendre ou les donner à des associations.</li>
<li>Pour vous guider, consultez les ressources de la
<a href="https://ecoresponsable.numerique.gouv.fr">mission interministérielle Numérique
responsable</a>, utiles bien au-delà des administrations.</li>
</ul>
<h3>Retour d'expérience</h3>
<blockquote>
<p>« Nous renouvelions nos ordinateurs portables tous les quatre ans, par habitude plus que par
nécessité. Depuis deux ans, nous remplaçons la batterie et le disque à mi-parcours, pour
environ 120 euros par poste, et nous visons six ans. Les téléphones des conseillers sont
désormais reconditionnés. Les postes retirés partent chez une entreprise d'insertion de
Clermont-Ferrand, qui les reconditionne pour des familles suivies par le centre social
voisin. »</p>
<p>— Julien, responsable informatique, Mutuelle Arverne</p>
</blockquote>

<h2>Fiche 3. Impressions et papier</h2>
<p>Malgré la dématérialisation, nos mutuelles restent de grandes consommatrices de papier :
courriers aux adhérents, attestations, magazines, supports de communication, impressions
internes. Le papier recyclé a fait d'énormes progrès et convient aujourd'hui à presque tous
les usages, y compris les imprimantes de production. Mais le premier gisement d'économies
reste la réduction des volumes, en cohérence avec l'action 2.7 du plan d'action, qui vise à
dématérialiser les échanges avec les adhérents qui le souhaitent.</p>
<h3>Ce que l'on vise</h3>
<ul>
<li>Réduire le nombre de pages imprimées, en interne comme dans les envois aux adhérents.</li>
<li>Utiliser du papier recyclé ou, à défaut, issu de forêts gérées durablement.</li>
<li>Confier les travaux d'impression à des imprimeurs engagés, de préférence proches de nos
sites.</li>
<li>Concevoir des supports sobres : formats standards, encres limitées, pas de pelliculage
inutile.</li>
<li>Respecter le choix des adhérents qui préfèrent le papier, notamment les plus âgés ou les
moins à l'aise avec le numérique.</li>
</ul>
<h3>Les labels et preuves à demander</h3>
<table>
<thead>
<tr><th scope="col">Label</th><th scope="col">Ce qu'il garantit</th>
<th scope="col">Où le vérifier</th></tr>
</thead>
<tbody>
<tr><td>Ange bleu ou Écolabel européen (papier)</td>
<td>Papier composé de fibres recyclées (100 % pour l'Ange bleu), fabriqué avec une
consommation réduite d'eau, d'énergie et de produits chimiques.</td>
<td>Bases de données officielles des deux labels.</td></tr>
<tr><td>FSC Recyclé, FSC Mixte ou PEFC</td>
<td>Origine responsable des fibres, recyclées ou issues de forêts gérées durablement.</td>
<td>Numéro de certificat imprimé sur l'emballage, à contrôler dans la base publique.</td></tr>
<tr><td>Imprim'Vert</td>
<td>Imprimeur qui élimine correctement ses déchets dangereux, n'utilise pas de produits
toxiques et suit ses consommations d'énergie.</td>
<td>Annuaire des imprimeurs labellisés sur le site d'Imprim'Vert.</td></tr>
<tr><td>ISO 14001</td>
<td>Système de management environnemental certifié : l'imprimeur identifie ses impacts et
s'engage dans une amélioration continue.</td>
<td>Certificat en cours de validité délivré par un organisme accrédité.</td></tr>
</tbody>
</table>
<h3>Bonnes pratiques</h3>
<ul>
<li>Paramétrez toutes les imprimantes en recto verso et en noir et blanc par défaut.</li>
<li>Installez l'impression sécurisée par badge : les documents oubliés ne sont plus
imprimés.</li>
<li>Remplacez les imprimantes individuelles par des multifonctions partagées par étage ou par
service.</li>
<li>Proposez aux adhérents, à chaque contact, de recevoir leurs documents dans leur espace en
ligne, sans jamais l'imposer.</li>
<li>Ajustez les tirages des supports de communication au plus près des besoins réels, en
vous appuyant sur les stocks restants des éditions précédentes.</li>
</ul>
<h3>Retour d'expérience</h3>
<blockquote>
<p>« L'installation de l'impression par badge dans nos deux sites a suffi à réduire de 38 %
le nombre de pages imprimées la première année. Pour le magazine des adhérents, nous sommes
passés à un papier recyclé et à un imprimeur labellisé Imprim'Vert situé à quarante
kilomètres de Créteil. Nous avons aussi proposé la version numérique : un adhérent sur cinq
l'a choisie, et nous avons ajusté le tirage en conséquence. »</p>
<p>— Karim, chargé de communication, Mutuelle Francilienne Solidaire</p>
</blockquote>

<h2>Fiche 4. Restauration et événements</h2>
<p>Assemblées générales, séminaires, réunions d'élus, pots de départ, journées de prévention
ouvertes aux adhérents : nos mutuelles organisent de nombreux événements, souvent avec une
restauration. Ces moments sont très visibles et disent beaucoup de nos valeurs. Ils ont aussi
un impact réel, par l'alimentation servie, le gaspillage, les déchets et les déplacements des
participants, qui représentent souvent la plus grande part de l'empreinte d'un
événement.</p>
<h3>Ce que l'on vise</h3>
<ul>
<li>Servir des repas de saison, avec une part significative de produits biologiques, locaux
ou issus du commerce équitable.</li>
<li>Proposer une option végétarienne systématique, voire un menu végétarien par défaut.</li>
<li>Réduire le gaspillage alimentaire et donner les surplus à des associations.</li>
<li>Supprimer la vaisselle et les bouteilles en plastique à usage unique, conformément à
l'action 2.6 du plan d'action.</li>
<li>Choisir des lieux accessibles en transports en commun et aux personnes à mobilité
réduite.</li>
<li>Faire appel à des traiteurs de l'insertion ou de l'économie sociale et solidaire.</li>
</ul>
<h3>Les labels et preuves à demander</h3>
<table>
<thead>
<tr><th scope="col">Label</th><th scope="col">Ce qu'il garantit</th>
<th scope="col">Où le vérifier</th></tr>
</thead>
<tbody>
<tr><td>Agriculture biologique (logo AB et Eurofeuille)</td>
<td>Production sans pesticides ni engrais chimiques de synthèse, sans OGM, contrôlée chaque
année par un organisme certificateur.</td>
<td>Annuaire des opérateurs certifiés de l'Agence Bio.</td></tr>
<tr><td>Commerce équitable (Max Havelaar, Symbole des producteurs paysans, etc.)</td>
<td>Prix rémunérateur et prime de développement pour les producteurs, engagement dans la
durée.</td>
<td>Sites des labels et guide publié par Commerce Équitable France.</td></tr>
<tr><td>MSC</td>
<td>Poissons et fruits de mer sauvages issus de pêcheries gérées durablement.</td>
<td>Moteur de recherche des pêcheries et produits certifiés MSC.</td></tr>
<tr><td>Label Rouge</td>
<td>Qualité supérieure d'un produit alimentaire, définie par un cahier des charges homologué
par les pouvoirs publics.</td>
<td>Site de l'Institut national de l'origine et de la qualité (INAO).</td></tr>
<tr><td>ISO 20121</td>
<td>Système de management responsable de l'activité événementielle, chez un lieu d'accueil
ou une agence.</td>
<td>Certificat en cours de validité délivré par un organisme accrédité.</td></tr>
</tbody>
</table>
<h3>Bonnes pratiques</h3>
<ul>
<li>Demandez une confirmation de présence et communiquez au traiteur le nombre réel de
convives quarante-huit heures avant l'événement.</li>
<li>Servez l'eau du robinet en carafes et prévoyez de la vaisselle lavable ou consignée.</li>
<li>Signez à l'avance une convention avec une association locale pour le don des repas non
servis, dans le respect des règles d'hygiène.</li>
<li>Indiquez dans l'invitation les moyens d'accès en transports en commun et organisez le
covoiturage entre participants.</li>
<li>Préférez des cadeaux d'intervenants utiles et locaux, ou un don à une association
partenaire en leur nom.</li>
</ul>
<h3>Retour d'expérience</h3>
<blockquote>
<p>« Pour notre assemblée générale de Marseille, nous avons fait appel à un traiteur
d'insertion qui forme des personnes éloignées de l'emploi aux métiers de la cuisine. Le
buffet était végétarien, à base de produits de saison, avec une option poisson labellisée sur
inscription. Grâce aux inscriptions préalables, nous avons commandé au plus juste : les restes
ont tenu dans deux caisses, remises le soir même à une épicerie solidaire. Les délégués ont
été nombreux à nous demander l'adresse du traiteur. »</p>
<p>— Élodie, ambassadrice ESS/RSE, Mutuelle Azur Méditerranée</p>
</blockquote>

<h2>Fiche 5. Déplacements et flotte automobile</h2>
<p>Les déplacements professionnels et les véhicules de service pèsent lourd dans le bilan
carbone de mutuelles implantées sur de vastes territoires, où les conseillers se rendent chez
les adhérents et dans les entreprises clientes. Les achats concernés sont variés : billets de
train et d'avion, nuits d'hôtel, location de véhicules, carburant, véhicules en propre ou en
location longue durée. Ils s'articulent avec le plan de mobilité employeur prévu par l'action
2.4 du plan d'action.</p>
<h3>Ce que l'on vise</h3>
<ul>
<li>Éviter les déplacements qui peuvent être remplacés par une visioconférence de
qualité.</li>
<li>Privilégier le train pour tous les trajets qui le permettent dans un temps
raisonnable.</li>
<li>Réduire la taille de la flotte en mutualisant les véhicules entre services et entre
sites.</li>
<li>Électrifier progressivement la flotte, en choisissant des véhicules adaptés aux usages
réels.</li>
<li>Proposer des vélos à assistance électrique pour les déplacements urbains.</li>
</ul>
<h3>Les labels et preuves à demander</h3>
<table>
<thead>
<tr><th scope="col">Label</th><th scope="col">Ce qu'il garantit</th>
<th scope="col">Où le vérifier</th></tr>
</thead>
<tbody>
<tr><td>Certificat qualité de l'air (Crit'Air)</td>
<td>Classe du véhicule selon ses émissions de polluants atmosphériques, qui conditionne
l'accès aux zones à faibles émissions.</td>
<td>Site officiel des certificats qualité de l'air.</td></tr>
<tr><td>Information sur les émissions des prestations de transport</td>
<td>Quantité de gaz à effet de serre émise par une prestation de transport, que le
prestataire est tenu de communiquer à son client.</td>
<td>Devis, facture ou relevé de l'agence de voyages.</td></tr>
<tr><td>Objectif CO2</td>
<td>Engagement volontaire des transporteurs routiers à réduire leurs émissions, avec un label
attribué sur la base de performances mesurées.</td>
<td>Annuaire des entreprises engagées et labellisées du programme EVE.</td></tr>
<tr><td>Norme NF EN 15194</td>
<td>Sécurité des vélos à assistance électrique et de leur batterie, assistance limitée à
25 km/h.</td>
<td>Déclaration de conformité du fabricant.</td></tr>
</tbody>
</table>
<h3>Bonnes pratiques</h3>
<ul>
<li>Rédigez une politique voyages claire : train par défaut en deçà d'une durée de trajet
fixée, avion sur justification, hôtels choisis à proximité des lieux de réunion.</li>
<li>Avant de renouveler un véhicule, analysez les kilométrages réels : beaucoup de véhicules
parcourent moins de 40 km par jour, une distance parfaitement compatible avec
l'électrique.</li>
<li>Installez un outil de réservation partagée des véhicules de service.</li>
<li>Proposez aux conducteurs une formation à l'écoconduite : elle réduit la consommation et
le risque d'accident.</li>
<li>Anticipez les obligations de verdissement des flottes issues de la loi d'orientation des
mobilités, qui imposent aux entreprises disposant d'une flotte importante une part croissante
de véhicules à faibles émissions lors des renouvellements.</li>
</ul>
<h3>Retour d'expérience</h3>
<blockquote>
<p>« Nos douze véhicules thermiques étaient attribués nominativement et restaient souvent au
parking. Après un relevé des kilométrages sur trois mois, nous les avons remplacés par six
véhicules électriques en pool, réservables en ligne, et par quatre vélos à assistance
électrique pour le centre de Nantes. Les kilomètres parcourus en voiture ont baissé d'un
quart, et les conseillers qui utilisent les vélos ne veulent plus s'en passer. »</p>
<p>— Thomas, responsable d'agence, Mutuelle Ligérienne de Prévoyance</p>
</blockquote>

<h2>Fiche 6. Nettoyage et entretien</h2>
<p>Le nettoyage des locaux est presque toujours confié à des prestataires. C'est un achat où
les enjeux sociaux sont au moins aussi importants que les enjeux environnementaux : les agents
de propreté travaillent souvent à temps partiel, en horaires décalés, pour plusieurs
employeurs à la fois. Un acheteur responsable peut améliorer concrètement leurs conditions de
travail, tout en réduisant l'usage de produits chimiques dans nos locaux.</p>
<h3>Ce que l'on vise</h3>
<ul>
<li>Utiliser des produits d'entretien écolabellisés, en nombre limité et correctement
dosés.</li>
<li>Privilégier les méthodes mécaniques (microfibres, vapeur) qui réduisent le recours aux
produits.</li>
<li>Favoriser le nettoyage en journée, qui permet aux agents d'avoir des horaires plus
réguliers et d'être reconnus par les équipes.</li>
<li>Exiger la stabilité des équipes et limiter la sous-traitance en cascade.</li>
<li>Intégrer des heures d'insertion dans les contrats importants.</li>
</ul>
<h3>Les labels et preuves à demander</h3>
<table>
<thead>
<tr><th scope="col">Label</th><th scope="col">Ce qu'il garantit</th>
<th scope="col">Où le vérifier</th></tr>
</thead>
<tbody>
<tr><td>Écolabel européen (produits d'entretien)</td>
<td>Produits moins nocifs pour l'environnement et la santé, efficacité de lavage
vérifiée.</td>
<td>Catalogue officiel des produits écolabellisés.</td></tr>
<tr><td>Écolabel européen (services de nettoyage)</td>
<td>Prestation de nettoyage intérieur qui utilise des produits labellisés, forme son personnel
et gère ses déchets.</td>
<td>Certificat de licence du prestataire, vérifiable dans le catalogue officiel.</td></tr>
<tr><td>Cygne nordique (Nordic Swan)</td>
<td>Écolabel officiel des pays nordiques, exigeant sur les substances dangereuses.</td>
<td>Base de données officielle du label.</td></tr>
<tr><td>Ecocert Écodétergent</td>
<td>Produits d'entretien d'origine majoritairement végétale ou minérale, biodégradables.</td>
<td>Annuaire des produits certifiés sur le site d'Ecocert.</td></tr>
</tbody>
</table>
<h3>Bonnes pratiques</h3>
<ul>
<li>Demandez aux candidats de présenter l'organisation des équipes, les horaires proposés et
le taux de rotation du personnel.</li>
<li>Réduisez la fréquence de nettoyage des zones peu utilisées plutôt que le temps alloué aux
agents.</li>
<li>Exigez des centrales de dilution ou des doses prémesurées pour éviter le surdosage.</li>
<li>Mettez à disposition des agents un local adapté, avec un vestiaire et un point
d'eau.</li>
<li>Associez les agents aux actions de sensibilisation du site : ce sont souvent eux qui
constatent en premier les erreurs de tri.</li>
</ul>
<h3>Retour d'expérience</h3>
<blockquote>
<p>« Au renouvellement du contrat de notre siège de Toulouse, nous avons demandé aux candidats
une offre de nettoyage en journée. Les trois agents travaillent désormais de 7 h à 10 h puis
de 12 h à 14 h, au lieu de tard le soir, et deux d'entre eux ont obtenu un contrat plus long
chez le prestataire. Les produits sont passés de onze références à quatre, toutes
écolabellisées. Les salariés ont appris à connaître les agents par leur prénom, et cela a
changé l'ambiance du site. »</p>
<p>— Laure, assistante de direction et ambassadrice ESS/RSE, Mutuelle Occitane
d'Entraide</p>
</blockquote>

<h2>Fiche 7. Énergie</h2>
<p>L'électricité, le gaz et le chauffage urbain sont des achats peu visibles, souvent
renouvelés sans discussion. Ils sont pourtant au cœur de l'action 2.3 du plan d'action, qui
vise une réduction de 20 % de la consommation d'énergie des agences, et des obligations du
dispositif Éco Énergie Tertiaire pour nos plus grands bâtiments. L'énergie la plus propre
restant celle que l'on ne consomme pas, l'achat d'énergie verte ne vient qu'après les efforts
de sobriété et d'efficacité.</p>
<h3>Ce que l'on vise</h3>
<ul>
<li>Connaître précisément nos consommations, site par site et mois par mois.</li>
<li>Réduire les consommations par la sobriété (températures de consigne, horaires) et
l'efficacité (éclairage LED, régulation, isolation).</li>
<li>Acheter une électricité d'origine renouvelable dont l'engagement du fournisseur est
vérifiable.</li>
<li>Regrouper les achats entre mutuelles pour obtenir de meilleures conditions.</li>
<li>Étudier la production d'énergie renouvelable sur nos propres bâtiments.</li>
</ul>
<h3>Les labels et preuves à demander</h3>
<table>
<thead>
<tr><th scope="col">Label</th><th scope="col">Ce qu'il garantit</th>
<th scope="col">Où le vérifier</th></tr>
</thead>
<tbody>
<tr><td>Garanties d'origine</td>
<td>Une quantité équivalente d'électricité renouvelable a été injectée sur le réseau
européen. Elles ne garantissent ni l'origine physique de l'électricité ni la création de
nouvelles capacités.</td>
<td>Attestation du fournisseur, adossée au registre national des garanties d'origine.</td></tr>
<tr><td>Label VertVolt</td>
<td>Label public de l'ADEME qui distingue les offres d'électricité verte selon le degré
d'engagement du fournisseur auprès des producteurs, sur deux niveaux.</td>
<td>Liste des offres labellisées sur le site de l'ADEME.</td></tr>
<tr><td>Contrat d'achat direct (PPA)</td>
<td>Approvisionnement auprès d'installations de production identifiées, souvent récentes ou
construites grâce au contrat.</td>
<td>Contrat et liste des installations communiquée par le fournisseur.</td></tr>
<tr><td>ISO 50001</td>
<td>Système de management de l'énergie certifié, chez un fournisseur de services énergétiques
ou un exploitant.</td>
<td>Certificat en cours de validité délivré par un organisme accrédité.</td></tr>
</tbody>
</table>
<h3>Bonnes pratiques</h3>
<ul>
<li>Déclarez et suivez les consommations des bâtiments assujettis sur la plateforme
<a href="https://operat.ademe.fr">OPERAT de l'ADEME</a>.</li>
<li>Exigez du fournisseur l'accès aux données de consommation détaillées, au moins
mensuelles.</li>
<li>Vérifiez la programmation du chauffage et de la climatisation avant chaque saison : c'est
la mesure la plus rentable qui soit.</li>
<li>Négociez des contrats d'une durée permettant de lisser les variations de prix, en vous
faisant accompagner si nécessaire.</li>
<li>Mobilisez les certificats d'économies d'énergie pour financer une partie des travaux
d'efficacité énergétique.</li>
</ul>
<h3>Retour d'expérience</h3>
<blockquote>
<p>« Trois mutuelles du groupe ont lancé ensemble une consultation pour l'électricité de
leurs quarante-deux agences. Nous avons retenu une offre labellisée VertVolt au niveau le plus
exigeant, pour un surcoût inférieur à 3 % grâce au volume. Dans le même temps, chaque agence a
reçu un thermostat programmable et une affiche des bons réglages. Après deux hivers, nos
consommations ont baissé de 14 %, ce qui a largement compensé le surcoût. »</p>
<p>— Yann, responsable des services généraux, Mutuelle Armor Santé</p>
</blockquote>

<h2>Fiche 8. Prestations intellectuelles</h2>
<p>Conseil, formation, études, audit, création graphique, développement de sites et
d'applications : les prestations intellectuelles représentent une part croissante de nos
achats. Leur impact environnemental direct est modéré, mais elles engagent fortement nos
valeurs : les conseils que nous recevons, les formations que nous suivons et les outils
numériques que nous faisons développer façonnent la manière dont nous travaillons et dont nous
servons nos adhérents.</p>
<h3>Ce que l'on vise</h3>
<ul>
<li>Choisir des prestataires dont la démarche RSE est réelle et cohérente avec la
nôtre.</li>
<li>Ouvrir nos consultations aux coopératives, aux associations et aux entreprises solidaires
d'utilité sociale.</li>
<li>Exiger l'accessibilité et l'écoconception des services numériques que nous faisons
développer.</li>
<li>Limiter les déplacements des intervenants en combinant distanciel et présentiel.</li>
<li>Garantir la protection des données personnelles de nos adhérents et de nos
salariés.</li>
</ul>
<h3>Les labels et preuves à demander</h3>
<table>
<thead>
<tr><th scope="col">Label</th><th scope="col">Ce qu'il garantit</th>
<th scope="col">Où le vérifier</th></tr>
</thead>
<tbody>
<tr><td>Qualiopi</td>
<td>Certification qualité des organismes de formation, nécessaire pour bénéficier de
financements publics ou mutualisés.</td>
<td>Liste publique des organismes de formation sur data.gouv.fr.</td></tr>
<tr><td>Agrément ESUS</td>
<td>Entreprise solidaire d'utilité sociale : utilité sociale, politique de rémunération
encadrée, bénéfices majoritairement réinvestis.</td>
<td>Attestation d'agrément délivrée par les services de l'État.</td></tr>
<tr><td>Label Lucie ou label Engagé RSE</td>
<td>Démarche RSE évaluée par un tiers selon les lignes directrices de l'ISO 26000.</td>
<td>Annuaires des organisations labellisées sur les sites des labels.</td></tr>
<tr><td>Notation Ecovadis</td>
<td>Évaluation de la performance RSE sur l'environnement, le social, l'éthique et les achats
responsables.</td>
<td>Fiche de notation transmise par le prestataire.</td></tr>
</tbody>
</table>
<h3>Bonnes pratiques</h3>
<ul>
<li>Demandez aux candidats des exemples concrets de leur démarche RSE, et pas seulement une
charte.</li>
<li>Pour les services numériques, faites référence au référentiel général d'amélioration de
l'accessibilité (RGAA) et au référentiel général d'écoconception de services numériques
(RGESN).</li>
<li>Vérifiez l'index de l'égalité professionnelle des prestataires qui sont tenus de le
publier.</li>
<li>Prévoyez dans le contrat le transfert des connaissances à nos équipes, pour éviter une
dépendance durable au prestataire.</li>
<li>Signez systématiquement un accord de traitement des données lorsque le prestataire
accède à des données personnelles.</li>
</ul>
<h3>Retour d'expérience</h3>
<blockquote>
<p>« Pour la refonte de notre espace adhérent, nous avons consacré 20 % de la note aux
critères d'accessibilité et d'écoconception. L'agence retenue, une société coopérative de
Rennes, a proposé de supprimer les fonctionnalités peu utilisées et d'alléger les images. Les
pages sont trois fois plus légères qu'avant, elles se chargent bien mieux sur les connexions
lentes de nos communes rurales, et les retours des adhérents malvoyants sont très
positifs. »</p>
<p>— Gwenaëlle, cheffe de projet numérique, Mutuelle Armor Santé</p>
</blockquote>

<h2>Fiche 9. Goodies et objets promotionnels</h2>
<p>Stylos, tote bags, gourdes, clés USB : les objets promotionnels sont distribués par milliers
lors des salons, des forums de prévention et des événements avec les entreprises clientes.
Beaucoup finissent au fond d'un tiroir, voire à la poubelle, après quelques jours. Avant de
choisir un objet responsable, la première question est donc de savoir si un objet est
vraiment nécessaire pour atteindre l'objectif de communication poursuivi.</p>
<h3>Ce que l'on vise</h3>
<ul>
<li>Distribuer moins d'objets, mais des objets utiles et durables, en lien avec la santé et
la prévention.</li>
<li>Bannir les objets en plastique à usage unique et les gadgets sans usage.</li>
<li>Choisir des textiles certifiés et des matériaux recyclés ou renouvelables.</li>
<li>Faire fabriquer ou conditionner les objets par des ESAT, des entreprises adaptées ou des
structures d'insertion.</li>
<li>Proposer des alternatives immatérielles, comme un don à une association partenaire.</li>
</ul>
<h3>Les labels et preuves à demander</h3>
<table>
<thead>
<tr><th scope="col">Label</th><th scope="col">Ce qu'il garantit</th>
<th scope="col">Où le vérifier</th></tr>
</thead>
<tbody>
<tr><td>GOTS</td>
<td>Textile composé de fibres biologiques, avec des exigences environnementales et sociales
sur toute la chaîne de fabrication.</td>
<td>Base de données publique des entreprises certifiées GOTS.</td></tr>
<tr><td>OEKO-TEX Standard 100</td>
<td>Absence de substances nocives au-delà de seuils définis dans les textiles. Ce label ne
porte pas sur l'impact environnemental de la fabrication.</td>
<td>Vérification du numéro de certificat sur le site d'OEKO-TEX.</td></tr>
<tr><td>Commerce équitable (coton)</td>
<td>Prix minimum et prime de développement versés aux producteurs de coton.</td>
<td>Sites des labels de commerce équitable.</td></tr>
<tr><td>Origine France Garantie</td>
<td>Part significative de la valeur du produit acquise en France et caractéristiques
essentielles obtenues en France.</td>
<td>Liste des produits certifiés sur le site du label.</td></tr>
</tbody>
</table>
<h3>Bonnes pratiques</h3>
<ul>
<li>Définissez pour chaque événement le nombre d'objets réellement nécessaires, en tenant
compte des stocks existants.</li>
<li>Évitez d'imprimer une date ou un slogan éphémère sur les objets, pour pouvoir les
réutiliser d'une année sur l'autre.</li>
<li>Préférez des objets liés à nos messages de prévention : pilulier, sablier de brossage des
dents, gourde, protège-carte vitale.</li>
<li>Demandez au fournisseur le pays de fabrication et la composition précise de chaque
objet.</li>
<li>Mutualisez les commandes entre mutuelles : un visuel commun au groupe, décliné avec le
logo de chaque mutuelle, permet des volumes plus intéressants.</li>
</ul>
<h3>Retour d'expérience</h3>
<blockquote>
<p>« Sur nos stands de prévention, nous distribuions des stylos en plastique par milliers.
Nous les avons remplacés par des sachets de graines de fleurs mellifères conditionnés par un
ESAT d'Aurillac, accompagnés d'une carte sur les bienfaits du jardinage pour la santé. Les
sachets coûtent à peine plus cher, ils engagent la conversation et les visiteurs reviennent
nous montrer les photos de leurs fleurs l'année suivante. »</p>
<p>— Marion, chargée de prévention, Mutuelle Arverne</p>
</blockquote>

<h2>Fiche 10. Travaux et aménagement</h2>
<p>Rénovation d'une agence, réaménagement d'un plateau, changement de mobilier : les travaux
sont des achats ponctuels mais lourds, dont les effets se font sentir pendant des décennies.
Le secteur du bâtiment est l'un des premiers producteurs de déchets en France, et les
matériaux choisis déterminent à la fois l'empreinte carbone du chantier, la consommation
future du bâtiment et la qualité de l'air que respireront les salariés et les adhérents.</p>
<h3>Ce que l'on vise</h3>
<ul>
<li>Intégrer la performance énergétique à tout projet de travaux, en cohérence avec la
trajectoire du dispositif Éco Énergie Tertiaire.</li>
<li>Réemployer le mobilier et les matériaux existants, et recourir aux plateformes de
réemploi.</li>
<li>Choisir des matériaux biosourcés et peu émissifs en polluants.</li>
<li>Trier et tracer les déchets de chantier.</li>
<li>Rendre les locaux accessibles à tous, salariés comme adhérents.</li>
<li>Intégrer des clauses d'insertion dans les marchés de travaux significatifs.</li>
</ul>
<h3>Les labels et preuves à demander</h3>
<table>
<thead>
<tr><th scope="col">Label</th><th scope="col">Ce qu'il garantit</th>
<th scope="col">Où le vérifier</th></tr>
</thead>
<tbody>
<tr><td>Étiquette « Émissions dans l'air intérieur »</td>
<td>Niveau d'émission de polluants volatils des produits de construction et de décoration,
de A+ (très faibles émissions) à C.</td>
<td>Étiquette obligatoire sur l'emballage du produit.</td></tr>
<tr><td>FDES</td>
<td>Déclaration environnementale et sanitaire d'un produit de construction, fondée sur
l'analyse de son cycle de vie.</td>
<td>Base publique <a href="https://www.base-inies.fr">INIES</a>.</td></tr>
<tr><td>Qualification RGE ou Qualibat</td>
<td>Compétence de l'entreprise pour les travaux concernés, notamment d'efficacité
énergétique.</td>
<td>Attestation de qualification en cours de validité, annuaires des organismes.</td></tr>
<tr><td>NF Environnement Ameublement ou FSC</td>
<td>Mobilier conçu pour durer, avec des matériaux à faible impact et du bois d'origine
responsable.</td>
<td>Certificat du fabricant et bases publiques des labels.</td></tr>
</tbody>
</table>
<h3>Bonnes pratiques</h3>
<ul>
<li>Réalisez un inventaire du mobilier et des matériaux réemployables avant de concevoir le
projet.</li>
<li>Demandez à l'architecte ou au maître d'œuvre une estimation des consommations d'énergie
après travaux.</li>
<li>Exigez un plan de gestion des déchets de chantier et les bordereaux de suivi.</li>
<li>Aérez les locaux et patientez quelques jours après les travaux de peinture et de pose de
revêtements.</li>
<li>Associez les salariés au réaménagement : des locaux conçus avec eux sont mieux utilisés
et plus longtemps.</li>
</ul>
<h3>Retour d'expérience</h3>
<blockquote>
<p>« La rénovation de notre agence de La Rochelle devait commencer par l'achat d'un mobilier
neuf. Nous avons finalement réemployé près de 70 % du mobilier existant, retapissé par un
atelier d'insertion, et récupéré des cloisons vitrées sur une plateforme de réemploi. Les
isolants sont biosourcés et toutes les peintures sont classées A+. L'agence consomme un tiers
d'énergie en moins, et le budget a été tenu. »</p>
<p>— Sébastien, responsable immobilier, Mutuelle Océane Solidarité</p>
</blockquote>

<h2>Mesurer et rendre compte</h2>
<p>Ce qui n'est pas mesuré finit par être oublié. Les indicateurs ci-dessous ont été choisis
pour être simples à calculer, y compris dans une mutuelle sans service achats, et pour
alimenter directement le suivi du plan d'action RSE dans l'intranet. Chaque mutuelle les
renseigne une fois par an, à l'exception de la consommation d'énergie, suivie chaque
trimestre.</p>
<table>
<thead>
<tr><th scope="col">Indicateur</th><th scope="col">Mode de calcul</th>
<th scope="col">Fréquence</th><th scope="col">Action du plan</th></tr>
</thead>
<tbody>
<tr><td>Part des contrats intégrant des critères RSE</td>
<td>Montant des contrats signés dans l'année comportant au moins un critère ou une clause RSE,
rapporté au montant total des contrats signés.</td>
<td>Annuelle</td><td>2.2 Charte des achats responsables</td></tr>
<tr><td>Part des achats auprès de l'ESS et du secteur protégé et adapté</td>
<td>Montant des achats auprès de structures de l'ESS, d'ESAT, d'entreprises adaptées et de
structures d'insertion, rapporté au total des achats.</td>
<td>Annuelle</td><td>2.2 Charte des achats responsables</td></tr>
<tr><td>Émissions de gaz à effet de serre par salarié</td>
<td>Émissions des scopes 1 à 3, dont le poste achats, divisées par l'effectif moyen.</td>
<td>Annuelle</td><td>2.1 Bilan carbone</td></tr>
<tr><td>Consommation d'énergie des agences</td>
<td>Consommation d'énergie finale en kWh, divisée par la surface des agences en m².</td>
<td>Trimestrielle</td><td>2.3 Énergie des agences</td></tr>
<tr><td>Durée moyenne d'utilisation des ordinateurs</td>
<td>Âge moyen, en années, des ordinateurs retirés du parc dans l'année.</td>
<td>Annuelle</td><td>2.5 Durée de vie du matériel</td></tr>
<tr><td>Sites sans plastique à usage unique</td>
<td>Nombre de sites où ni vaisselle, ni bouteilles, ni gobelets jetables ne sont plus achetés,
rapporté au nombre total de sites.</td>
<td>Annuelle</td><td>2.6 Plastique à usage unique</td></tr>
<tr><td>Pages imprimées par salarié</td>
<td>Nombre de pages imprimées en interne, relevé sur les compteurs des imprimantes, divisé par
l'effectif.</td>
<td>Annuelle</td><td>2.7 Dématérialisation</td></tr>
<tr><td>Délai moyen de paiement des fournisseurs</td>
<td>Moyenne, pondérée par les montants, du nombre de jours entre la date de facture et le
paiement.</td>
<td>Annuelle</td><td>2.2 Charte des achats responsables</td></tr>
</tbody>
</table>
<p>Les valeurs sont saisies par l'ambassadeur ESS/RSE de chaque mutuelle, en lien avec les
services généraux et la comptabilité. Elles sont consolidées au niveau du groupe pour le
rapport RSE annuel commun prévu par l'action 4.5. Chaque mutuelle reste libre de suivre des
indicateurs complémentaires, adaptés à ses propres priorités : le tableau ci-dessus constitue
un socle, pas un plafond.</p>
<p>Rendre compte, c'est aussi raconter. Les réussites comme les échecs méritent d'être partagés
dans l'espace des initiatives de l'intranet : un retour d'expérience de quelques lignes, avec
le nom d'un contact, aide souvent davantage une autre mutuelle qu'un long rapport.</p>

<h2>Glossaire</h2>
<table>
<thead>
<tr><th scope="col">Terme</th><th scope="col">Définition</th></tr>
</thead>
<tbody>
<tr><td>Achat responsable</td>
<td>Achat qui intègre, en plus du prix et de la qualité, des exigences environnementales,
sociales et éthiques, et qui s'inscrit dans une relation équilibrée avec le fournisseur.</td></tr>
<tr><td>Allotissement</td>
<td>Découpage d'un achat en plusieurs lots distincts, qui permet à des entreprises de tailles
différentes de se porter candidates.</td></tr>
<tr><td>Analyse du cycle de vie</td>
<td>Méthode d'évaluation des impacts environnementaux d'un produit, de l'extraction des
matières premières à sa fin de vie.</td></tr>
<tr><td>Clause d'insertion</td>
<td>Disposition contractuelle qui réserve une partie des heures de travail d'un marché à des
personnes éloignées de l'emploi.</td></tr>
<tr><td>Coût global</td>
<td>Ensemble des coûts supportés pendant toute la durée d'utilisation d'un bien : achat,
énergie, consommables, maintenance et fin de vie.</td></tr>
<tr><td>DEEE</td>
<td>Déchets d'équipements électriques et électroniques, qui relèvent d'une filière de collecte
et de traitement spécifique.</td></tr>
<tr><td>Écolabel officiel</td>
<td>Label environnemental délivré par un organisme indépendant selon des critères publics,
par opposition aux autodéclarations des fabricants.</td></tr>
<tr><td>ESAT et entreprise adaptée</td>
<td>Structures du secteur du travail protégé et adapté, qui emploient majoritairement des
personnes en situation de handicap.</td></tr>
<tr><td>ESS</td>
<td>Économie sociale et solidaire : associations, coopératives, mutuelles, fondations et
entreprises solidaires qui poursuivent un but autre que le seul partage des bénéfices.</td></tr>
<tr><td>ESUS</td>
<td>Agrément « entreprise solidaire d'utilité sociale », délivré par l'État aux entreprises
de l'ESS qui remplissent des conditions d'utilité sociale et de rémunération encadrée.</td></tr>
<tr><td>Réemploi</td>
<td>Utilisation d'un produit pour un usage identique à celui pour lequel il avait été conçu,
sans qu'il soit devenu un déchet.</td></tr>
<tr><td>Scope 3</td>
<td>Émissions indirectes de gaz à effet de serre liées à la chaîne de valeur, dont les achats
de biens et de services.</td></tr>
<tr><td>Sourcing</td>
<td>Exploration du marché avant une consultation, pour identifier les solutions et les
fournisseurs potentiels.</td></tr>
</tbody>
</table>

<h2>Pour aller plus loin</h2>
<p>Les ressources suivantes, publiques et gratuites, complètent utilement ce guide. Les
ambassadeurs ESS/RSE du groupe peuvent vous aider à vous y retrouver et à les adapter à votre
contexte.</p>
<ul>
<li><a href="https://agirpourlatransition.ademe.fr/entreprises">Agir pour la transition,
le site de l'ADEME pour les entreprises</a> : guides pratiques, aides et retours
d'expérience.</li>
<li><a href="https://base-empreinte.ademe.fr">Base Empreinte de l'ADEME</a> : facteurs
d'émission pour estimer l'empreinte carbone des achats.</li>
<li><a href="https://www.obsar.asso.fr">Observatoire des achats responsables (ObsAR)</a> :
études, baromètres et groupes de travail entre acheteurs.</li>
<li><a href="https://www.ess-france.org">ESS France</a> : ressources sur l'économie sociale
et solidaire et ses acteurs en région.</li>
<li><a href="https://www.commercequitable.org">Commerce Équitable France</a> : présentation
des labels de commerce équitable.</li>
<li><a href="https://www.ecolabels.fr">Écolabels officiels d'AFNOR</a> : NF Environnement
et Écolabel européen en France.</li>
<li><a href="https://tcocertified.com">TCO Certified</a> et
<a href="https://www.epeat.net">EPEAT</a> : registres des équipements informatiques
certifiés.</li>
<li><a href="https://www.iso.org/fr/standard/63026.html">Norme ISO 20400</a> : lignes
directrices sur les achats responsables.</li>
</ul>
<p>Ce guide est un document vivant. Vos remarques, vos retours d'expérience et vos
propositions de fournisseurs sont les bienvenus : adressez-les à l'ambassadeur ESS/RSE de
votre mutuelle, qui les portera au réseau lors de la prochaine révision.</p>
"""

ECO_GESTES_BODY = """
<h2>Pourquoi des éco-gestes au bureau</h2>
<p>Nous passons une grande partie de nos journées au bureau, en agence ou sur nos plateformes
de gestion. Les consommations d'énergie, de papier et d'eau qui s'y jouent, les déchets que
nous y produisons et les trajets que nous faisons pour nous y rendre ne sont pas anodins :
additionnés sur les huit mutuelles du groupe et leurs quelque 3 600 salariés, ils pèsent
lourd dans notre empreinte environnementale.</p>
<p>Les éco-gestes ne remplacent pas les grandes décisions, comme la rénovation des bâtiments
ou le choix des fournisseurs. Mais ils en sont le complément indispensable : une agence
rénovée dont les radiateurs tournent à plein les fenêtres ouvertes ne tiendra jamais ses
objectifs. Ce guide rassemble les gestes les plus utiles, ceux dont l'effet est réel et qui
ne demandent ni budget ni compétence particulière.</p>
<h3>Comment utiliser ce guide</h3>
<p>Chaque section peut se lire indépendamment. Vous y trouverez des gestes simples, quelques
ordres de grandeur pour en mesurer l'intérêt, et des idées pour entraîner vos collègues sans
jamais culpabiliser personne. Le tableau récapitulatif, en fin de guide, peut être affiché
dans les espaces communs ou repris dans une réunion d'équipe.</p>

<h2>Énergie</h2>
<p>Le chauffage, la climatisation, l'éclairage et les équipements électriques constituent
l'essentiel de la consommation d'énergie de nos locaux. L'action 2.3 du plan d'action RSE du
groupe vise une réduction de 20 % de la consommation d'énergie des agences : les réglages
techniques feront une partie du chemin, nos comportements feront le reste.</p>
<h3>Chauffage et climatisation</h3>
<ul>
<li>Respectez les températures de consigne : 19 °C en hiver dans les bureaux, et pas de
climatisation en dessous de 26 °C en été.</li>
<li>Fermez les fenêtres lorsque le chauffage ou la climatisation fonctionne ; pour aérer,
ouvrez en grand cinq à dix minutes plutôt que d'entrouvrir toute la journée.</li>
<li>Ne couvrez pas les radiateurs et ne les encombrez pas de dossiers.</li>
<li>Le soir et avant un week-end, fermez les stores et les volets : ils limitent les pertes de
chaleur en hiver et les apports de chaleur en été.</li>
</ul>
<p>Un degré de moins, c'est environ 7 % d'énergie de chauffage économisée. Si vous avez froid
à votre poste, signalez-le aux services généraux plutôt que d'apporter un radiateur
d'appoint : il y a souvent un problème de réglage ou d'isolation à corriger.</p>
<h3>Éclairage et appareils</h3>
<ul>
<li>Éteignez la lumière en quittant une salle de réunion, un bureau ou les sanitaires.</li>
<li>Profitez de la lumière naturelle en orientant votre poste de travail vers la
fenêtre.</li>
<li>Éteignez complètement votre ordinateur et votre écran le soir, sauf consigne contraire
du service informatique pour les mises à jour.</li>
<li>Branchez vos équipements sur une multiprise à interrupteur et coupez-la en partant.</li>
<li>Débranchez les chargeurs qui ne servent pas.</li>
</ul>
<h3>En télétravail aussi</h3>
<p>Les jours de télétravail, la consommation se déplace du bureau vers le domicile. Les mêmes
réflexes s'appliquent : éteindre l'écran pendant la pause déjeuner, chauffer la seule pièce
où l'on travaille plutôt que tout le logement, couper la box et les équipements en fin de
journée. Pensez aussi à fermer votre session proprement au bureau la veille, pour ne pas
laisser tourner un poste inutilement pendant votre absence.</p>

<h2>Numérique responsable</h2>
<p>Le numérique paraît immatériel, mais il repose sur des équipements bien réels. Selon
l'étude menée par l'ADEME et l'Arcep, la fabrication des terminaux (ordinateurs, écrans,
smartphones, téléviseurs) représente la plus grande part de l'empreinte carbone du
numérique en France, loin devant les centres de données et les réseaux. Le geste le plus
important est donc de faire durer nos équipements, conformément à l'action 2.5 du plan
d'action, qui vise au moins cinq ans d'utilisation pour le matériel informatique.</p>
<h3>Faire durer le matériel</h3>
<ul>
<li>Prenez soin de votre ordinateur portable et de votre téléphone : housse, protection
d'écran, transport dans un sac adapté.</li>
<li>Ne demandez pas un nouvel équipement tant que l'actuel répond à vos besoins ; signalez
les lenteurs au service informatique, qui peut souvent y remédier.</li>
<li>Ne laissez pas votre ordinateur portable branché en permanence : ménager la batterie
prolonge sa durée de vie.</li>
<li>Rapportez au service informatique le matériel dont vous n'avez plus l'usage, au lieu de
le laisser dans un tiroir : il pourra être réaffecté ou reconditionné.</li>
</ul>
<h3>Alléger nos usages</h3>
<ul>
<li>Partagez un lien vers le document stocké sur l'espace collaboratif plutôt que de
l'envoyer en pièce jointe à de nombreux destinataires.</li>
<li>Limitez les destinataires en copie et désabonnez-vous des lettres d'information que vous
ne lisez plus.</li>
<li>En visioconférence, coupez la caméra lorsqu'elle n'apporte rien à l'échange, par exemple
pendant une présentation.</li>
<li>Faites régulièrement le tri dans vos dossiers partagés et votre messagerie : les
fichiers inutiles occupent des serveurs qui, eux, consomment de l'énergie.</li>
</ul>
<p>Ces gestes ont un effet modeste pris un par un, mais ils traduisent une culture de la
sobriété numérique qui, à l'échelle du groupe, permet de différer l'achat de nouveaux
serveurs et de nouveaux espaces de stockage. Ils rendent aussi nos outils plus agréables à
utiliser : une messagerie allégée et des dossiers bien rangés font gagner du temps à
tous.</p>

<h2>Déchets et tri</h2>
<p>Depuis la loi relative à la lutte contre le gaspillage et à l'économie circulaire, les
entreprises doivent trier à la source le papier et le carton, le métal, le plastique, le
verre et le bois, ainsi que les biodéchets. Dans nos locaux, des points de tri sont installés
à chaque étage : encore faut-il les utiliser correctement, car un bac mal trié peut être
refusé par le collecteur et finir avec les ordures ménagères.</p>
<ul>
<li>Apportez votre tasse ou votre gourde : l'action 2.6 du plan d'action prévoit la
suppression du plastique à usage unique sur tous les sites.</li>
<li>Jetez les papiers dans les bacs dédiés, sans trombones volumineux ni pochettes
plastiques ; les agrafes, elles, ne gênent pas le recyclage.</li>
<li>Déposez les restes de repas dans le bac à biodéchets de la cuisine ou de la salle de
pause.</li>
<li>Rapportez les piles, cartouches d'encre et petits équipements électriques aux points de
collecte spécifiques.</li>
<li>En cas de doute, consultez l'affiche de consignes placée au-dessus des bacs ou demandez
à l'ambassadeur ESS/RSE de votre site.</li>
</ul>
<p>Le meilleur déchet reste celui que l'on ne produit pas. Avant de commander des fournitures,
jetez un œil à l'armoire partagée de votre étage ; lors d'un pot ou d'une réunion, préférez
les carafes, la vaisselle lavable et les achats en vrac. Et si vous organisez un événement,
le guide des achats responsables du groupe vous donnera des idées de traiteurs engagés.</p>

<h2>Déplacements</h2>
<p>Les trajets entre le domicile et le travail, puis les déplacements professionnels,
représentent une part importante de l'empreinte carbone d'une mutuelle. Chacun fait avec les
contraintes de son lieu de vie, et il ne s'agit pas de culpabiliser celles et ceux qui n'ont
pas d'autre choix que la voiture. Mais de nombreuses solutions existent, et le plan de
mobilité employeur prévu par l'action 2.4 vise précisément à les rendre plus accessibles.</p>
<ul>
<li>Renseignez-vous sur le forfait mobilités durables proposé par votre mutuelle pour les
trajets à vélo ou en covoiturage.</li>
<li>Pensez à la prise en charge par l'employeur d'au moins la moitié de votre abonnement de
transports en commun.</li>
<li>Inscrivez-vous sur la plateforme de covoiturage de votre site ou proposez un trajet à vos
collègues.</li>
<li>Pour les réunions, demandez-vous si une visioconférence suffit ; si le déplacement est
nécessaire, préférez le train.</li>
<li>Regroupez vos rendez-vous extérieurs pour limiter les allers-retours.</li>
</ul>

<h2>Eau</h2>
<p>La consommation d'eau de nos bureaux est modeste comparée à celle d'un foyer, mais les
fuites passent souvent inaperçues pendant des semaines. Une chasse d'eau qui fuit peut
gaspiller plusieurs centaines de litres par jour, et un robinet qui goutte plus d'une centaine
de litres.</p>
<ul>
<li>Signalez immédiatement toute fuite aux services généraux : c'est le geste le plus
rentable de ce guide.</li>
<li>Utilisez la petite touche des chasses d'eau à double commande.</li>
<li>Ne laissez pas couler l'eau pour la faire refroidir : remplissez une carafe et placez-la
au réfrigérateur.</li>
<li>Buvez l'eau du robinet, contrôlée en permanence et bien moins chère que l'eau en
bouteille.</li>
</ul>

<h2>Papier</h2>
<p>Un salarié de bureau consomme en moyenne plusieurs dizaines de kilos de papier par an, dont
une part importante n'est jamais relue. Réduire les impressions, c'est économiser du papier,
de l'encre, de l'énergie et du temps, tout en respectant la confidentialité des données de
nos adhérents : un document non imprimé ne risque pas d'être oublié sur une
imprimante.</p>
<ul>
<li>Avant d'imprimer, demandez-vous si la lecture à l'écran ne suffit pas.</li>
<li>Imprimez en recto verso et en noir et blanc, qui sont les réglages par défaut de nos
imprimantes.</li>
<li>Utilisez l'impression sécurisée par badge : vous ne récupérez que ce dont vous avez
vraiment besoin.</li>
<li>En réunion, projetez les documents plutôt que de les distribuer imprimés.</li>
<li>Réutilisez le verso des feuilles imprimées d'un seul côté comme brouillon, sauf s'il
contient des données personnelles.</li>
<li>Proposez aux adhérents qui le souhaitent de recevoir leurs documents dans leur espace en
ligne.</li>
</ul>

<h2>Récapitulatif des gestes</h2>
<p>Le tableau suivant donne quelques ordres de grandeur, issus de sources publiques et de nos
propres relevés. Ils varient selon les bâtiments et les équipements, et doivent être lus
comme des repères plutôt que comme des promesses.</p>
<table>
<thead>
<tr><th scope="col">Geste</th><th scope="col">Économie estimée</th>
<th scope="col">Difficulté</th></tr>
</thead>
<tbody>
<tr><td>Baisser le chauffage de 1 °C</td>
<td>Environ 7 % de l'énergie de chauffage</td><td>Facile</td></tr>
<tr><td>Éteindre ordinateur et écran le soir et le week-end</td>
<td>Plusieurs dizaines de kWh par poste et par an</td><td>Facile</td></tr>
<tr><td>Couper les veilles avec une multiprise à interrupteur</td>
<td>Jusqu'à 10 % de la consommation électrique du poste de travail</td><td>Facile</td></tr>
<tr><td>Garder son ordinateur six ans au lieu de quatre</td>
<td>Environ un tiers d'émissions de fabrication en moins par année d'usage</td>
<td>Moyenne</td></tr>
<tr><td>Partager un lien plutôt qu'une pièce jointe</td>
<td>Moins de stockage en double sur les serveurs</td><td>Facile</td></tr>
<tr><td>Utiliser une tasse plutôt que des gobelets jetables</td>
<td>Environ 400 gobelets par personne et par an</td><td>Facile</td></tr>
<tr><td>Signaler une fuite de chasse d'eau</td>
<td>Plusieurs centaines de litres d'eau par jour</td><td>Facile</td></tr>
<tr><td>Imprimer en recto verso</td>
<td>Jusqu'à la moitié du papier consommé</td><td>Facile</td></tr>
<tr><td>Venir à vélo deux jours par semaine (10 km aller-retour)</td>
<td>Environ 170 kg de CO2 par an par rapport à la voiture</td><td>Moyenne</td></tr>
<tr><td>Covoiturer chaque jour à deux</td>
<td>La moitié des frais et des émissions du trajet</td><td>Moyenne</td></tr>
<tr><td>Remplacer un aller-retour en voiture de 300 km par une visioconférence</td>
<td>Environ 60 kg de CO2</td><td>Facile</td></tr>
</tbody>
</table>

<h2>Et maintenant ?</h2>
<p>Changer ses habitudes prend du temps, et l'exemple compte plus que les consignes. Choisissez
deux ou trois gestes qui vous paraissent faciles, proposez-les à votre équipe et faites le
point au bout d'un mois. L'ambassadeur ESS/RSE de votre mutuelle peut vous fournir des
affiches, animer un atelier ou organiser un défi entre services.</p>
<p>Enfin, vos idées sont précieuses : si vous repérez un gaspillage ou une amélioration
possible dans vos locaux, signalez-le. Plusieurs des gestes présentés ici ont été proposés par
des salariés du groupe. Pour aller plus loin, l'ADEME publie de nombreux conseils pratiques
sur son site <a href="https://agirpourlatransition.ademe.fr">Agir pour la transition</a>.</p>
"""

ECO_GESTES_EARLIER_BODY = """
<h2>Pourquoi des éco-gestes au bureau</h2>
<p>Nous passons une grande partie de nos journées au bureau, en agence ou sur nos plateformes
de gestion. Les consommations d'énergie, de papier et d'eau qui s'y jouent, les déchets que
nous y produisons et les trajets que nous faisons pour nous y rendre ne sont pas anodins.
Additionnés sur l'ensemble du groupe, ils représentent une part non négligeable de notre
impact sur l'environnement.</p>
<p>Les éco-gestes ne remplacent pas les grandes décisions, comme la rénovation des bâtiments
ou le choix des fournisseurs. Mais ils en sont le complément indispensable : une agence
rénovée dont les radiateurs tournent à plein les fenêtres ouvertes ne tiendra jamais ses
objectifs. Ce guide rassemble des gestes simples, à la portée de chacun, qui ne demandent
aucun budget.</p>
<h2>Énergie</h2>
<p>Le chauffage, la climatisation, l'éclairage et les équipements électriques constituent
l'essentiel de la consommation d'énergie de nos locaux. Les réglages techniques relèvent des
services généraux, mais nos comportements comptent tout autant.</p>
<h3>Chauffage et climatisation</h3>
<ul>
<li>Respectez les températures de consigne : 19 °C en hiver dans les bureaux, et pas de
climatisation en dessous de 26 °C en été.</li>
<li>Fermez les fenêtres lorsque le chauffage ou la climatisation fonctionne ; pour aérer,
ouvrez en grand cinq à dix minutes plutôt que d'entrouvrir toute la journée.</li>
<li>Ne couvrez pas les radiateurs et ne les encombrez pas de dossiers.</li>
<li>Le soir et avant un week-end, fermez les stores et les volets : ils limitent les pertes de
chaleur en hiver et les apports de chaleur en été.</li>
</ul>
<p>Chaque degré supplémentaire augmente d'environ 7 % la consommation de chauffage. Si vous
avez froid à votre poste, prévenez les services généraux plutôt que de brancher un radiateur
d'appoint.</p>
<h3>Éclairage et appareils</h3>
<ul>
<li>Éteignez la lumière en quittant une salle de réunion, un bureau ou les sanitaires.</li>
<li>Profitez de la lumière naturelle en orientant votre poste de travail vers la
fenêtre.</li>
<li>Éteignez complètement votre ordinateur et votre écran le soir, sauf consigne contraire
du service informatique pour les mises à jour.</li>
<li>Branchez vos équipements sur une multiprise à interrupteur et coupez-la en partant.</li>
<li>Débranchez les chargeurs qui ne servent pas.</li>
</ul>
<h2>Déchets et tri</h2>
<p>Depuis la loi relative à la lutte contre le gaspillage et à l'économie circulaire, les
entreprises doivent trier à la source le papier et le carton, le métal, le plastique, le
verre et le bois, ainsi que les biodéchets. Dans nos locaux, des points de tri sont installés
à chaque étage : encore faut-il les utiliser correctement, car un bac mal trié peut être
refusé par le collecteur et finir avec les ordures ménagères.</p>
<ul>
<li>Apportez votre tasse ou votre gourde plutôt que d'utiliser des gobelets jetables.</li>
<li>Jetez les papiers dans les bacs dédiés, sans trombones volumineux ni pochettes
plastiques ; les agrafes, elles, ne gênent pas le recyclage.</li>
<li>Déposez les restes de repas dans le bac à biodéchets de la cuisine ou de la salle de
pause.</li>
<li>Rapportez les piles, cartouches d'encre et petits équipements électriques aux points de
collecte spécifiques.</li>
<li>En cas de doute, consultez l'affiche de consignes placée au-dessus des bacs ou demandez
à l'ambassadeur ESS/RSE de votre site.</li>
</ul>
<h2>Déplacements</h2>
<p>Les trajets entre le domicile et le travail, puis les déplacements professionnels,
représentent une part importante de l'empreinte carbone d'une mutuelle. Chacun fait avec les
contraintes de son lieu de vie, et il ne s'agit pas de culpabiliser celles et ceux qui n'ont
pas d'autre choix que la voiture. Mais de nombreuses solutions existent, et votre mutuelle
travaille à les rendre plus accessibles.</p>
<ul>
<li>Renseignez-vous sur le forfait mobilités durables proposé par votre mutuelle pour les
trajets à vélo ou en covoiturage.</li>
<li>Pensez à la prise en charge par l'employeur d'au moins la moitié de votre abonnement de
transports en commun.</li>
<li>Inscrivez-vous sur la plateforme de covoiturage de votre site ou proposez un trajet à vos
collègues.</li>
<li>Pour les réunions, demandez-vous si une visioconférence suffit ; si le déplacement est
nécessaire, préférez le train.</li>
<li>Regroupez vos rendez-vous extérieurs pour limiter les allers-retours.</li>
</ul>

<h2>Eau</h2>
<p>La consommation d'eau de nos bureaux est modeste comparée à celle d'un foyer, mais les
fuites passent souvent inaperçues pendant des semaines. Une chasse d'eau qui fuit peut
gaspiller plusieurs centaines de litres par jour, et un robinet qui goutte plus d'une centaine
de litres.</p>
<ul>
<li>Signalez immédiatement toute fuite aux services généraux.</li>
<li>Utilisez la petite touche des chasses d'eau à double commande.</li>
<li>Ne laissez pas couler l'eau pour la faire refroidir : remplissez une carafe et placez-la
au réfrigérateur.</li>
<li>Buvez l'eau du robinet, contrôlée en permanence et bien moins chère que l'eau en
bouteille.</li>
</ul>
<p>Dans plusieurs agences, les fontaines à bonbonnes ont déjà été remplacées par des fontaines
reliées au réseau d'eau. Elles évitent le transport et le stockage de bonbonnes en plastique
et offrent une eau fraîche toute l'année. Si votre site n'en est pas encore équipé, parlez-en
aux services généraux.</p>

<h2>Papier</h2>
<p>Chaque salarié imprime des milliers de pages par an, dont beaucoup ne sont jamais
relues. Réduire les impressions, c'est économiser du papier,
de l'encre, de l'énergie et du temps, tout en respectant la confidentialité des données de
nos adhérents : un document non imprimé ne risque pas d'être oublié sur une
imprimante.</p>
<ul>
<li>Avant d'imprimer, demandez-vous si la lecture à l'écran ne suffit pas.</li>
<li>Imprimez en recto verso et en noir et blanc, qui sont les réglages par défaut de nos
imprimantes.</li>
<li>Utilisez l'impression sécurisée par badge : vous ne récupérez que ce dont vous avez
vraiment besoin.</li>
<li>Réutilisez le verso des feuilles imprimées d'un seul côté comme brouillon, sauf s'il
contient des données personnelles.</li>
<li>Proposez aux adhérents qui le souhaitent de recevoir leurs documents dans leur espace en
ligne.</li>
</ul>

<h2>Récapitulatif des gestes</h2>
<p>Le tableau suivant donne quelques ordres de grandeur. Ils varient selon les bâtiments et
les équipements.</p>
<table>
<thead>
<tr><th scope="col">Geste</th><th scope="col">Économie estimée</th>
<th scope="col">Difficulté</th></tr>
</thead>
<tbody>
<tr><td>Baisser le chauffage de 1 °C</td>
<td>Environ 7 % de l'énergie de chauffage</td><td>Facile</td></tr>
<tr><td>Éteindre ordinateur et écran le soir et le week-end</td>
<td>Plusieurs dizaines de kWh par poste et par an</td><td>Facile</td></tr>
<tr><td>Couper les veilles avec une multiprise à interrupteur</td>
<td>Jusqu'à 10 % de la consommation électrique du poste de travail</td><td>Facile</td></tr>
<tr><td>Utiliser une tasse plutôt que des gobelets jetables</td>
<td>Environ 400 gobelets par personne et par an</td><td>Facile</td></tr>
<tr><td>Signaler une fuite de chasse d'eau</td>
<td>Plusieurs centaines de litres d'eau par jour</td><td>Facile</td></tr>
<tr><td>Imprimer en recto verso</td>
<td>Jusqu'à la moitié du papier consommé</td><td>Facile</td></tr>
<tr><td>Venir à vélo deux jours par semaine (10 km aller-retour)</td>
<td>Environ 170 kg de CO2 par an par rapport à la voiture</td><td>Moyenne</td></tr>
<tr><td>Covoiturer chaque jour à deux</td>
<td>La moitié des frais et des émissions du trajet</td><td>Moyenne</td></tr>
</tbody>
</table>

<h2>Passer à l'action</h2>
<p>Commencez par deux ou trois gestes faciles et parlez-en à votre équipe. L'ambassadeur
ESS/RSE de votre mutuelle peut vous fournir des affiches et animer un atelier. N'hésitez
pas non plus à lui faire part de vos propres idées : les meilleures seront reprises dans la
prochaine version de ce guide.</p>
"""

EGALITE_BODY = """
<h2>Pourquoi ce guide</h2>
<p>Les femmes représentent près de sept salariés sur dix dans les mutuelles du groupe. Elles
sont pourtant moins nombreuses à mesure que l'on s'élève dans les responsabilités : elles
occupent moins de la moitié des postes de cadres dirigeants et restent minoritaires dans les
métiers de l'informatique et de l'actuariat. À l'inverse, les hommes sont rares dans les
métiers de la relation adhérent et de la gestion, et ils recourent encore peu aux dispositifs
liés à la parentalité.</p>
<p>L'égalité professionnelle n'est pas seulement une obligation légale : elle fait partie de
notre identité mutualiste, fondée sur la solidarité et la non-discrimination. Ce guide,
rédigé par les ambassadrices et ambassadeurs ESS/RSE de la Mutuelle Francilienne Solidaire,
de la Mutuelle du Rhin et de la Moselle et de la Mutuelle Arverne, avec l'appui des équipes
de ressources humaines, accompagne l'action 3.1 du plan d'action RSE : publier l'index de
l'égalité professionnelle et l'assortir d'un véritable plan d'action. Il s'adresse aux
équipes RH, aux managers, aux élus du personnel et à toutes celles et ceux qui veulent agir à
leur niveau.</p>

<h2>L'index de l'égalité professionnelle</h2>
<p>Depuis 2020, toutes les entreprises d'au moins cinquante salariés doivent calculer et
publier chaque année un index de l'égalité professionnelle entre les femmes et les hommes, noté sur
100 points. C'est un outil imparfait, mais il a le mérite de rendre les écarts visibles et
comparables d'une année sur l'autre. Dans le groupe, l'objectif commun est d'atteindre au
moins 85 points dans chaque mutuelle.</p>
<h3>Les indicateurs</h3>
<p>Dans les entreprises d'au moins 250 salariés, l'index repose sur cinq indicateurs. Dans
celles de 50 à 250 salariés, comme la Mutuelle Ligérienne de Prévoyance, les indicateurs
relatifs aux augmentations et aux promotions sont fusionnés en un seul, noté sur 35
points.</p>
<table>
<thead>
<tr><th scope="col">Indicateur</th><th scope="col">Ce qu'il mesure</th>
<th scope="col">Points</th></tr>
</thead>
<tbody>
<tr><td>Écart de rémunération</td>
<td>Écart de rémunération moyenne entre les femmes et les hommes, par tranche d'âge et par
catégorie de postes équivalents.</td><td>40</td></tr>
<tr><td>Écart de taux d'augmentations individuelles</td>
<td>Différence entre la proportion de femmes et la proportion d'hommes augmentés dans
l'année, hors promotions.</td><td>20</td></tr>
<tr><td>Écart de taux de promotions</td>
<td>Différence entre la proportion de femmes et la proportion d'hommes promus dans
l'année.</td><td>15</td></tr>
<tr><td>Retour de congé maternité</td>
<td>Part des salariées augmentées à leur retour de congé maternité, lorsque des
augmentations sont intervenues pendant leur absence.</td><td>15</td></tr>
<tr><td>Hautes rémunérations</td>
<td>Nombre de personnes du sexe sous-représenté parmi les dix plus hautes
rémunérations.</td><td>10</td></tr>
</tbody>
</table>
<h3>Calendrier et obligations</h3>
<ol>
<li>Calculer l'index sur une période de référence de douze mois, en général l'année civile
précédente.</li>
<li>Publier la note globale et le détail des indicateurs au plus tard le 1er mars, de
manière visible et lisible, sur le site internet de la mutuelle.</li>
<li>Transmettre les résultats au comité social et économique et à l'administration, par la
plateforme <a href="https://egapro.travail.gouv.fr">Egapro</a>.</li>
<li>En dessous de 85 points, fixer et publier des objectifs de progression pour chaque
indicateur qui n'a pas atteint la note maximale.</li>
<li>En dessous de 75 points, définir des mesures de correction, dans le cadre de la
négociation sur l'égalité professionnelle ou, à défaut, par décision unilatérale, et les
publier.</li>
</ol>
<p>Une entreprise qui reste sous le seuil de 75 points pendant trois ans s'expose à une
pénalité financière pouvant atteindre 1 % de sa masse salariale. Au-delà de la sanction, une
note basse est un signal d'alerte que les salariés, les candidats et les adhérents savent
désormais lire.</p>
<h3>Aller au-delà de la note</h3>
<p>Un bon index ne signifie pas que tout va bien. Les seuils de pertinence et les
regroupements par catégorie peuvent masquer des écarts réels, notamment dans les petites
équipes. Nous recommandons donc d'analyser aussi les écarts de rémunération poste par poste,
la répartition des temps partiels, l'accès à la formation et la composition des viviers de
promotion. La directive européenne de 2023 sur la transparence des rémunérations, dont la
transposition doit renforcer les obligations des employeurs, va précisément dans ce
sens.</p>

<h2>Recrutement</h2>
<p>Les inégalités se construisent souvent dès le recrutement : dans la rédaction d'une offre,
dans la composition d'un jury, dans une question posée à une candidate et jamais à un
candidat. Un processus structuré protège à la fois les candidats et les recruteurs, qui
n'ont pas à se fier à leur seule intuition.</p>
<ol>
<li>Rédigez l'offre à partir des compétences réellement nécessaires, avec un intitulé de
poste au féminin et au masculin, et évitez les qualités stéréotypées comme « dynamique et
disponible » sans contenu précis.</li>
<li>Diffusez l'offre sur des canaux variés, pour atteindre des publics qui ne postulent pas
spontanément, par exemple des femmes pour les métiers techniques ou des hommes pour les
métiers de la relation adhérent.</li>
<li>Présélectionnez les candidatures à partir d'une grille de critères définie à l'avance et
appliquée à toutes et à tous.</li>
<li>Constituez des jurys mixtes, dont au moins un membre a été formé à la non-discrimination
en recrutement.</li>
<li>Posez les mêmes questions à tous les candidats, et aucune question sur la situation
familiale, la grossesse ou les projets d'enfants, qui sont illégales.</li>
<li>Motivez par écrit la décision finale au regard de la grille, et conservez les éléments de
l'évaluation.</li>
<li>Proposez la rémunération correspondant au poste, sans la fonder sur le salaire antérieur
de la personne, qui peut refléter des inégalités passées.</li>
</ol>
<p>Pour les stages et l'alternance, pensez aux partenariats avec les écoles et les
associations qui encouragent la mixité des filières. Ils sont aussi un moyen d'accueillir des
jeunes issus des quartiers prioritaires, conformément à l'action 3.4 du plan d'action.</p>

<h2>Rémunération et évolution professionnelle</h2>
<p>L'égalité salariale est un principe ancien : à travail de valeur égale, salaire égal. Sa
mise en œuvre demande pourtant une vigilance de chaque instant, car les écarts naissent le plus
souvent de petites décisions accumulées : une augmentation négociée par l'un et pas demandée
par l'autre, une promotion proposée à la personne la plus disponible, un temps partiel qui
ralentit une carrière.</p>
<h3>Réduire les écarts de rémunération</h3>
<ul>
<li>Analysez chaque année les écarts de rémunération par emploi et par niveau, et pas
seulement par grande catégorie.</li>
<li>Prévoyez, lors des négociations annuelles, une enveloppe spécifique de rattrapage pour
corriger les écarts inexpliqués.</li>
<li>Vérifiez que les primes et éléments variables ne pénalisent pas les absences liées à la
maternité ou à la parentalité.</li>
<li>Outillez les managers avec des repères de rémunération par poste pour objectiver leurs
propositions.</li>
</ul>
<h3>Ouvrir les carrières</h3>
<p>La loi prévoit, dans les plus grandes entreprises, des objectifs chiffrés de
représentation équilibrée parmi les cadres dirigeants et les membres des instances
dirigeantes. Sans attendre d'y être tenues, les mutuelles du groupe peuvent constituer des
viviers mixtes pour chaque poste à responsabilité, proposer du mentorat aux salariées qui le
souhaitent et rendre le management accessible à temps partiel. Les entretiens professionnels
sont un moment clé pour repérer les potentiels et lever les freins, y compris ceux que les
salariés s'imposent à eux-mêmes.</p>

<h2>Parentalité</h2>
<p>L'arrivée d'un enfant reste, en France, l'un des principaux moments où les trajectoires
professionnelles des femmes et des hommes divergent. En tant qu'employeurs et en tant que
mutuelles, nous avons un rôle à jouer pour que la parentalité soit partagée et qu'elle ne
pénalise pas les carrières.</p>
<ul>
<li>Informez systématiquement les futurs parents de leurs droits, notamment le congé de
paternité et d'accueil de l'enfant de vingt-cinq jours, qui s'ajoutent au congé de naissance
de trois jours.</li>
<li>Encouragez les pères et les seconds parents à prendre l'intégralité de leur congé, et
organisez leur remplacement comme pour tout autre congé.</li>
<li>Organisez un entretien avant le départ et au retour de congé maternité, d'adoption ou
parental, pour préparer la reprise et faire le point sur les souhaits d'évolution.</li>
<li>Appliquez au retour de congé maternité le rattrapage salarial prévu par la loi : les
augmentations générales et la moyenne des augmentations individuelles intervenues pendant
l'absence.</li>
<li>Tenez compte des contraintes familiales dans l'organisation des réunions, en évitant les
horaires trop matinaux ou trop tardifs.</li>
<li>N'oubliez pas les salariés aidants, qui s'occupent d'un parent âgé ou d'un proche malade
ou handicapé : ils sont nombreux dans nos équipes et ont souvent du mal à en parler.</li>
</ul>

<h2>Lutter contre les violences sexistes et sexuelles</h2>
<p>Les violences sexistes et sexuelles au travail vont de l'agissement sexiste, parfois
présenté comme de l'humour, au harcèlement sexuel et à l'agression sexuelle. Toutes portent
atteinte à la dignité des personnes et à leur santé ; toutes engagent la responsabilité de
l'employeur, qui a l'obligation de les prévenir et d'y mettre fin. Notre principe est simple :
tolérance zéro, écoute systématique et réponse rapide.</p>
<h3>Les référentes et référents</h3>
<p>Chaque comité social et économique désigne parmi ses membres une personne référente en
matière de lutte contre le harcèlement sexuel et les agissements sexistes. Dans les
entreprises d'au moins 250 salariés, l'employeur désigne également une personne référente,
généralement au sein des ressources humaines. Leurs noms et leurs coordonnées doivent être
affichés dans les locaux et accessibles sur l'intranet, avec ceux du médecin du travail, de
l'inspection du travail et du Défenseur des droits.</p>
<h3>L'écoute</h3>
<p>Parler d'une situation de violence est difficile, surtout lorsque l'auteur est un
supérieur ou un collègue apprécié. C'est pourquoi le groupe met à la disposition de tous les
salariés une ligne d'écoute externe, confidentielle et gratuite, tenue par des psychologues.
Elle permet d'être écouté, conseillé et orienté, sans obligation de signaler les faits à
l'employeur. Pour les violences subies hors du travail, le numéro national 3919 reste
accessible à toute heure.</p>
<h3>Que faire en cas de signalement</h3>
<ol>
<li>Accueillir la parole sans mettre en doute ni minimiser les faits, et remercier la
personne de sa confiance.</li>
<li>Informer la personne des soutiens disponibles : référents, ligne d'écoute, médecin du
travail, représentants du personnel.</li>
<li>Prendre sans délai les mesures de protection nécessaires, par exemple un changement
d'équipe ou d'horaires, sans pénaliser la personne qui signale.</li>
<li>Déclencher une enquête interne impartiale, menée conjointement par la direction et un
représentant du personnel, dans le respect de la confidentialité.</li>
<li>Prendre les sanctions appropriées lorsque les faits sont établis, et informer les
personnes concernées des suites données.</li>
<li>Faire un bilan, avec les équipes concernées, pour éviter que la situation se
reproduise.</li>
</ol>
<p>L'action 3.2 du plan d'action prévoit de former 80 % des managers à la prévention des
violences sexistes et sexuelles. Cette formation, d'une journée, repose sur des mises en
situation et sur le rappel des obligations de chacun. Elle sera complétée par une
sensibilisation en ligne ouverte à tous les salariés.</p>

<h2>Communication inclusive</h2>
<p>Les mots et les images que nous utilisons façonnent les représentations. Une offre
d'emploi intitulée « chargé de clientèle » attire moins de candidates ; une brochure qui ne
montre que des médecins hommes et des infirmières femmes entretient des stéréotypes que nous
combattons par ailleurs. La communication inclusive ne consiste pas à compliquer nos textes,
mais à faire en sorte que chacune et chacun s'y reconnaisse.</p>
<ul>
<li>Accordez les noms de métiers, de fonctions et de titres selon le genre de la personne :
une directrice, une ingénieure, une présidente.</li>
<li>Pour désigner un groupe mixte, utilisez la double flexion (« les adhérentes et les
adhérents ») ou des termes épicènes (« les personnes », « le personnel », « l'équipe »).</li>
<li>Réservez le point médian aux supports courts, comme les intitulés ou les tableaux, et
évitez-le dans les textes longs : il gêne la lecture, en particulier pour les personnes qui
utilisent un lecteur d'écran ou qui ont des difficultés de lecture.</li>
<li>Variez les visuels : des femmes et des hommes dans tous les métiers, de tous âges, avec
ou sans handicap.</li>
<li>Veillez à la mixité des intervenants lors de nos événements et des tables
rondes.</li>
</ul>
<p>Chaque mutuelle reste libre de ses choix de rédaction, dans l'esprit de notre devise
« harmoniser sans uniformiser ». L'essentiel est d'être cohérent au sein d'un même document et
de privilégier toujours la lisibilité.</p>

<h2>Suivre nos progrès</h2>
<p>Au-delà de l'index, le réseau des ambassadeurs propose de suivre chaque année quelques
indicateurs complémentaires : la part de femmes parmi les cadres dirigeants et les
administrateurs, le taux de recours au congé de paternité, le nombre de signalements de
violences sexistes et sexuelles et leur délai de traitement, la part de managers formés. Ces
données sont présentées au comité social et économique et au conseil d'administration, puis
consolidées dans le rapport RSE annuel du groupe. Derrière les chiffres, ce sont des
parcours professionnels et des conditions de travail qui changent : c'est cela que nous
voulons mesurer.</p>
"""

SEMAINE_QVT_BODY = """
<h2>Présentation du kit</h2>
<p>Chaque année, au mois de juin, l'<a href="https://www.anact.fr">Anact</a> et le réseau des
Aract organisent la Semaine pour la qualité de vie et des conditions de travail. C'est
l'occasion, pour les mutuelles du groupe, de mettre en lumière ce qui se fait déjà, de donner
la parole aux salariés sur leur travail et de lancer de nouvelles initiatives. Ce kit, conçu
par les ambassadeurs ESS/RSE de la Mutuelle Ligérienne de Prévoyance et de la Mutuelle Arverne
à partir de leurs deux premières éditions, vous donne tout ce qu'il faut pour organiser la
vôtre.</p>
<p>Une précision s'impose : la qualité de vie au travail ne se résume pas à des séances de
massage ou à des corbeilles de fruits. Elle tient d'abord au contenu du travail, à son
organisation, aux relations dans l'équipe et à la possibilité de s'exprimer sur la manière de
bien faire son travail. Les animations proposées ici mêlent donc des moments conviviaux et
des temps d'échange sur le travail réel. Les deux sont nécessaires : les premiers attirent le
public, les seconds font avancer les choses.</p>
<h3>Les objectifs de la semaine</h3>
<ul>
<li>Faire connaître les dispositifs existants : télétravail, droit à la déconnexion, service
de prévention et de santé au travail, sentinelles en santé mentale, ligne d'écoute.</li>
<li>Recueillir les propositions des salariés pour améliorer leurs conditions de travail.</li>
<li>Renforcer les liens entre les équipes, les sites et les générations.</li>
<li>Préparer ou prolonger le baromètre commun de qualité de vie au travail prévu par l'action
3.5 du plan d'action.</li>
</ul>
<h3>Harmoniser sans uniformiser</h3>
<p>Ce kit n'est pas un programme à appliquer à la lettre. Chaque mutuelle le complète selon
ses priorités, ses moyens et les attentes exprimées par ses salariés : l'une mettra l'accent
sur le retour au bureau après une réorganisation, une autre sur la prévention des troubles
musculo-squelettiques ou sur l'accueil des nouveaux arrivants. Ce qui compte, c'est de
partager ensuite ce qui a fonctionné, pour que les autres mutuelles du groupe puissent s'en
inspirer l'année suivante.</p>

<h2>Le planning de la semaine</h2>
<p>Le planning ci-dessous a été testé sur des sites de 150 à 400 salariés. Il peut être
allégé pour une petite agence, par exemple en ne retenant qu'une animation par jour, ou
étalé sur deux semaines si les équipes sont très sollicitées. Les animations ont lieu sur le
temps de travail : c'est une condition essentielle pour que chacun puisse y participer,
y compris les conseillers dont le planning est contraint.</p>
<table>
<thead>
<tr><th scope="col">Jour</th><th scope="col">Animation</th><th scope="col">Public</th>
<th scope="col">Durée</th><th scope="col">Matériel</th></tr>
</thead>
<tbody>
<tr><td>Lundi</td><td>Petit-déjeuner d'ouverture et présentation du programme par la
direction</td><td>Tous les salariés du site</td><td>45 min</td>
<td>Boissons, viennoiseries de la boulangerie voisine, programme imprimé</td></tr>
<tr><td>Lundi</td><td>Mur d'expression « Ce qui m'aide à bien travailler », ouvert toute la
semaine</td><td>Tous</td><td>En continu</td><td>Grand panneau, notes repositionnables,
feutres</td></tr>
<tr><td>Mardi</td><td>Atelier ergonomie du poste de travail, avec un ergonome du service de
prévention et de santé au travail</td><td>Par groupes de 10</td><td>30 min par groupe</td>
<td>Salle équipée d'un poste type, supports de réglage</td></tr>
<tr><td>Mardi</td><td>Pause active : étirements et réveil musculaire</td><td>Tous, sans
inscription</td><td>15 min</td><td>Espace dégagé, enceinte</td></tr>
<tr><td>Mercredi</td><td>Conférence-débat sur la santé mentale au travail, avec les
sentinelles du site</td><td>Tous, managers en particulier</td><td>1 h</td>
<td>Salle de réunion, vidéoprojecteur, liaison visio pour les autres sites</td></tr>
<tr><td>Mercredi</td><td>Initiation à la cohérence cardiaque</td><td>Par groupes de 12</td>
<td>30 min</td><td>Salle calme, chaises</td></tr>
<tr><td>Jeudi</td><td>Atelier « Bien travailler en hybride » : organisation, réunions,
déconnexion</td><td>Équipes volontaires avec leur manager</td><td>1 h 30</td>
<td>Paperboard, cartes de jeu, accord télétravail imprimé</td></tr>
<tr><td>Jeudi</td><td>Marche collective à l'heure du déjeuner</td><td>Tous</td>
<td>45 min</td><td>Parcours repéré, gourdes</td></tr>
<tr><td>Vendredi</td><td>Déjeuner partagé et restitution du mur d'expression</td>
<td>Tous les salariés du site</td><td>1 h 30</td><td>Buffet participatif, synthèse
affichée</td></tr>
<tr><td>Vendredi</td><td>Questionnaire d'évaluation en ligne</td><td>Tous</td>
<td>5 min</td><td>Lien diffusé par courriel, code QR sur les affiches</td></tr>
</tbody>
</table>
<p>Pensez aux salariés qui ne sont pas sur le site principal : télétravailleurs, conseillers
itinérants, équipes des petites agences. Retransmettez la conférence en visioconférence,
proposez une version en ligne du mur d'expression et envoyez à chaque agence un petit colis
pour organiser son propre petit-déjeuner.</p>

<h2>Les rôles</h2>
<p>Une semaine réussie repose sur une petite équipe projet, constituée au moins deux mois à
l'avance. Chacun y apporte sa légitimité et son réseau. La répartition suivante est
indicative et peut être adaptée à l'organisation de chaque mutuelle.</p>
<ul>
<li><strong>L'ambassadeur ESS/RSE</strong> coordonne le projet, tient le rétroplanning,
réserve les salles et fait le lien avec le réseau du groupe.</li>
<li><strong>Les ressources humaines</strong> valident le programme, mobilisent les
intervenants et s'assurent que les animations se déroulent sur le temps de travail.</li>
<li><strong>Le comité social et économique</strong>, et sa commission santé, sécurité et
conditions de travail lorsqu'elle existe, est associé dès la conception et co-anime les
ateliers sur l'organisation du travail.</li>
<li><strong>La direction</strong> ouvre la semaine, participe à au moins une animation et
s'engage à répondre aux propositions recueillies.</li>
<li><strong>Les managers</strong> libèrent du temps pour leurs équipes et participent
eux-mêmes aux ateliers.</li>
<li><strong>Les relais volontaires</strong>, un par service ou par agence, diffusent
l'information et recueillent les idées de leurs collègues.</li>
<li><strong>Le service communication</strong> réalise les supports et les relaie sur
l'intranet.</li>
</ul>

<h2>La communication</h2>
<p>Le principal risque d'une semaine de la qualité de vie au travail est de ne toucher que
les convaincus. Une communication répétée, variée et portée par des visages connus fait la
différence. Évitez le jargon et mettez en avant des bénéfices concrets : un atelier pour
régler son écran, un moment pour parler de son organisation avec son équipe.</p>
<ol>
<li><strong>Six semaines avant</strong> : annonce des dates en comité de direction et en
réunion du comité social et économique, appel aux relais volontaires.</li>
<li><strong>Quatre semaines avant</strong> : message de la direction à tous les salariés,
« réservez la date » dans les agendas des managers.</li>
<li><strong>Deux semaines avant</strong> : publication du programme sur l'intranet,
affiches dans les espaces communs, ouverture des inscriptions aux ateliers.</li>
<li><strong>La semaine précédente</strong> : rappel par courriel, présentation en réunion
d'équipe par les relais, vérification des inscriptions.</li>
<li><strong>Pendant la semaine</strong> : programme du jour affiché chaque matin, photos et
courts témoignages publiés sur l'intranet avec l'accord des personnes.</li>
<li><strong>Un mois après</strong> : publication du bilan et des engagements pris par la
direction en réponse aux propositions.</li>
</ol>
<p>Le dernier point est le plus important. Si les propositions des salariés restent sans
réponse, la semaine suivante attirera moins de monde ; si elles débouchent sur des décisions
visibles, même modestes, la confiance s'installe.</p>

<h2>Le budget</h2>
<p>Une semaine complète pour un site de 300 salariés coûte en général entre 2 500 et 4 000
euros, hors temps de travail des participants. Les postes les plus importants sont les
intervenants extérieurs et la restauration. Plusieurs leviers permettent de maîtriser la
dépense sans appauvrir le programme.</p>
<ul>
<li>Sollicitez le service de prévention et de santé au travail : ses ergonomes et
psychologues peuvent intervenir dans le cadre de l'adhésion de la mutuelle.</li>
<li>Mobilisez les compétences internes : un salarié sophrologue, une collègue passionnée de
randonnée, les sentinelles en santé mentale.</li>
<li>Mutualisez les intervenants avec une autre mutuelle du groupe proche
géographiquement.</li>
<li>Choisissez des prestataires locaux et, si possible, de l'économie sociale et solidaire,
conformément au guide des achats responsables.</li>
<li>Privilégiez un buffet participatif, où chacun apporte un plat, pour le déjeuner du
vendredi.</li>
</ul>
<p>Le budget prévisionnel fourni avec ce kit détaille les postes de dépense et les montants
constatés lors des éditions précédentes. Il est à faire valider par la direction et par les
ressources humaines avant tout engagement auprès d'un prestataire.</p>

<h2>L'évaluation</h2>
<p>Évaluer la semaine permet de l'améliorer d'une année sur l'autre et de montrer à la
direction ce qu'elle a produit. L'évaluation repose sur des données simples, recueillies
sans alourdir la participation.</p>
<h3>Ce que l'on mesure</h3>
<ul>
<li>La participation : nombre de personnes présentes à chaque animation, part des salariés du
site ayant participé à au moins une animation.</li>
<li>La satisfaction : questionnaire court, diffusé le vendredi et ouvert une semaine.</li>
<li>Les propositions : nombre d'idées recueillies sur le mur d'expression et dans les
ateliers, thèmes les plus fréquents.</li>
<li>Les suites : nombre de propositions ayant reçu une réponse de la direction et nombre
d'actions engagées dans les six mois.</li>
</ul>
<h3>Partager le bilan</h3>
<p>Le bilan tient en deux pages : les chiffres clés, trois enseignements, les engagements de
la direction. Il est présenté au comité social et économique, publié sur l'intranet et
partagé avec le réseau des ambassadeurs, qui consolide les retours de toutes les mutuelles.
Les résultats alimentent le baromètre commun de qualité de vie au travail et aident à choisir
les thèmes de l'édition suivante.</p>
<blockquote>
<p>« Lors de notre première édition, le mur d'expression a recueilli plus de deux cents
contributions. La plus fréquente portait sur les réunions qui débordent sur la pause
déjeuner. La direction a décidé qu'aucune réunion ne serait plus programmée entre 12 h et
14 h : une mesure qui ne coûte rien et que tout le monde a remarquée. »</p>
<p>— Camille, ambassadrice ESS/RSE, Mutuelle Ligérienne de Prévoyance</p>
</blockquote>
"""

CLAUSE_RSE_TEXT = """MODÈLE DE CLAUSE RSE À INSÉRER DANS LES CONTRATS FOURNISSEURS
Groupe Solimut, réseau des ambassadeurs ESS/RSE, version adoptée avec la charte des achats

Mode d'emploi : cette clause s'insère dans les conditions particulières du contrat ou en
annexe. Les passages entre crochets sont à adapter à la nature de la prestation. Faites-la
relire par le service juridique de votre mutuelle avant la signature.

ARTICLE [X] - RESPONSABILITÉ SOCIÉTALE DU PRESTATAIRE

[X].1 Engagements généraux
Le Prestataire déclare avoir pris connaissance de la charte des achats responsables du
Groupe Solimut, annexée au présent contrat, et s'engage à en respecter les principes dans
l'exécution de ses obligations.
Le Prestataire s'engage à respecter la législation sociale et environnementale applicable,
ainsi que les conventions fondamentales de l'Organisation internationale du travail,
notamment en matière de travail des enfants, de travail forcé, de non-discrimination et de
liberté syndicale. Il veille à ce que ses propres sous-traitants respectent ces mêmes
engagements.

[X].2 Engagements environnementaux
Le Prestataire s'engage, pendant toute la durée du contrat, à :
- fournir des produits ou des prestations conformes aux exigences environnementales du
  cahier des charges, et en apporter la preuve sur simple demande ;
- limiter les emballages et reprendre, à ses frais, les emballages de livraison ;
- [regrouper les livraisons et privilégier des modes de transport à faibles émissions] ;
- [assurer la collecte et le traitement des produits en fin de vie par une filière agréée].

[X].3 Engagements sociaux
Le Prestataire s'engage à :
- garantir à son personnel affecté au contrat des conditions de travail conformes au droit
  du travail et à la convention collective applicable ;
- [réserver au moins [nombre] heures de travail à des personnes en parcours d'insertion] ;
- informer le Client de tout recours à la sous-traitance et en obtenir l'accord préalable.

[X].4 Suivi et indicateurs
Le Prestataire transmet au Client, une fois par an et au plus tard le [date], un bilan de
l'exécution des engagements ci-dessus, comprenant au minimum :
- [les quantités livrées et la part de produits labellisés] ;
- [les émissions de gaz à effet de serre liées au transport, lorsqu'elles sont connues] ;
- [le nombre d'heures d'insertion réalisées].
Une revue annuelle réunit les parties pour examiner ce bilan et convenir des améliorations.

[X].5 Manquements
En cas de manquement à l'un des engagements du présent article, le Client en informe le
Prestataire par écrit. Les parties conviennent d'un plan d'action correctif dans un délai
de trente jours. En l'absence de mise en œuvre de ce plan, le Client pourra résilier le
contrat dans les conditions prévues à l'article [Y].

[X].6 Engagements du Client
Le Client s'engage à régler les factures dans les délais convenus, à ne pas modifier
unilatéralement les conditions du contrat et à informer le Prestataire suffisamment tôt de
toute évolution de ses besoins.
"""

PROCEDURE_VSS_TEXT = """PROCÉDURE DE SIGNALEMENT DES VIOLENCES SEXISTES ET SEXUELLES
Trame commune du groupe, à compléter par chaque mutuelle et à afficher sur chaque site

1. À QUI S'ADRESSER
Référente ou référent du CSE : [nom, téléphone, adresse électronique]
Référente ou référent employeur : [nom, téléphone, adresse électronique]
Ligne d'écoute externe du groupe : [numéro], gratuite et confidentielle, du lundi au samedi
Médecin du travail : [nom du service de prévention et de santé au travail, téléphone]
Inspection du travail : [adresse et téléphone de l'unité de contrôle]
Défenseur des droits : 3928 ou formulaire en ligne
Violences femmes info (hors travail) : 3919, gratuit et anonyme, 24 heures sur 24

2. COMMENT SIGNALER
Vous pouvez signaler des faits dont vous êtes victime ou témoin :
- en vous adressant directement à l'une des personnes ci-dessus ;
- par écrit, à l'adresse [adresse électronique dédiée], consultée uniquement par les
  référents ;
- par l'intermédiaire d'un représentant du personnel de votre choix.
Le signalement peut être fait à tout moment, même longtemps après les faits.

3. CE QUI SE PASSE ENSUITE
Sous 48 heures : un référent vous recontacte et vous propose un entretien confidentiel.
Sous 7 jours : des mesures de protection sont prises si nécessaire (changement d'équipe,
d'horaires ou de lieu de travail), sans pénaliser la personne qui signale.
Sous 15 jours : une enquête interne est ouverte, menée par un binôme composé d'un
représentant de la direction et d'un représentant du personnel.
À l'issue de l'enquête : la direction décide des suites et en informe les personnes
concernées.

4. VOS GARANTIES
- Confidentialité : seules les personnes chargées de traiter le signalement y ont accès.
- Protection : aucune sanction ne peut être prise contre une personne ayant signalé de
  bonne foi des faits de harcèlement ou d'agissement sexiste.
- Accompagnement : un soutien psychologique vous est proposé pendant toute la procédure.

5. FICHE DE PREMIER RECUEIL (à remplir par le référent)
Date de l'entretien :
Personne reçue (victime, témoin) :
Description des faits, avec les mots de la personne :
Date(s) et lieu(x) des faits :
Personne(s) mise(s) en cause :
Témoins éventuels :
Mesures de protection demandées ou proposées :
Suites convenues avec la personne :
"""

MEMO_ECO_GESTES_TEXT = """MÉMO ÉCO-GESTES - À AFFICHER DANS LES ESPACES COMMUNS

EN ARRIVANT
- Je n'allume la lumière que si la lumière naturelle ne suffit pas.
- Je vérifie que les fenêtres sont fermées si le chauffage fonctionne.

À MON POSTE
- Je règle mon écran en luminosité moyenne et j'active la mise en veille automatique.
- Je partage un lien vers le document plutôt qu'une pièce jointe.
- Je ménage la batterie de mon ordinateur portable : je ne le laisse pas branché en permanence.

À L'IMPRIMANTE
- J'imprime seulement si c'est nécessaire, en recto verso et en noir et blanc.
- Je récupère mes documents avec mon badge, je ne laisse rien sur l'imprimante.
- Je garde les feuilles imprimées d'un seul côté comme brouillon, sauf données personnelles.

À LA PAUSE
- J'utilise ma tasse ou ma gourde.
- Je trie : papier, emballages, verre, biodéchets.
- Je signale toute fuite d'eau aux services généraux.

EN PARTANT
- J'éteins mon ordinateur, mon écran et la multiprise.
- J'éteins la lumière et je ferme les stores.
- Je vérifie la salle de réunion que j'ai utilisée.

POUR VENIR ET REPARTIR
- Je pense au vélo, aux transports en commun et au covoiturage.
- Je demande si une visioconférence suffit avant de prévoir un déplacement.

Une question, une idée ? Contactez l'ambassadeur ESS/RSE de votre site.
"""

ANNONCE_QVT_TEXT = """Objet : Semaine de la qualité de vie au travail, du [date] au [date]

Bonjour à toutes et à tous,

Du [date] au [date], notre mutuelle participe à la Semaine pour la qualité de vie et des
conditions de travail. Pendant cinq jours, nous vous proposons des moments pour prendre
soin de vous, mais aussi pour parler ensemble de notre travail et de ce qui pourrait
l'améliorer.

Au programme :
- lundi : petit-déjeuner d'ouverture et lancement du mur d'expression ;
- mardi : ateliers d'ergonomie du poste de travail et pause active ;
- mercredi : conférence-débat sur la santé mentale au travail ;
- jeudi : atelier « Bien travailler en hybride » et marche collective ;
- vendredi : déjeuner partagé et restitution de vos propositions.

Toutes les animations ont lieu sur le temps de travail. Parlez-en à votre manager pour
organiser votre participation. Les ateliers sont limités à une douzaine de personnes :
inscrivez-vous dès maintenant sur l'intranet, rubrique « Vie du site ».

Vous travaillez en agence ou vous êtes en télétravail cette semaine-là ? La conférence sera
retransmise en visioconférence, et le mur d'expression est aussi accessible en ligne.

Le mur d'expression est au cœur de la semaine : notez-y ce qui vous aide à bien travailler
et ce qui vous en empêche. La direction s'engage à répondre à vos propositions dans le mois
qui suit.

Pour toute question, vos relais de service et moi-même restons à votre disposition.

Belle semaine à toutes et à tous,

[Prénom Nom]
Ambassadeur ESS/RSE, [nom de la mutuelle]
"""

GUIDES = [
    {
        "slug": "achats-responsables",
        "title": "Guide des achats responsables",
        "summary": (
            "Une méthode en cinq étapes et dix fiches par catégorie d'achat pour intégrer "
            "l'environnement, le social et l'ESS dans chaque commande des mutuelles du groupe, "
            "avec labels, bonnes pratiques et retours d'expérience."
        ),
        "theme": "environnement",
        "authors": ["armor", "occitane"],
        "body": ACHATS_BODY,
        "earlier_body": None,
        "tools": [
            {
                "title": "Grille d'évaluation des fournisseurs",
                "filename": "grille-evaluation-fournisseurs.xlsx",
                "rows": [
                    ["Critère", "Poids", "Note (0-5)", "Commentaire"],
                    ["Prix en coût global", 30, "", "Achat, énergie, consommables, fin de vie"],
                    ["Qualité technique de l'offre", 20, "", "Conformité au cahier des charges"],
                    ["Service et délais", 10, "", "Délais, service après-vente, interlocuteur"],
                    ["Produits labellisés", 8, "", "Part de l'offre couverte par un écolabel"],
                    ["Réparabilité et durabilité", 6, "", "Garantie, pièces détachées, indice"],
                    ["Emballages et logistique", 4, "", "Reprise des emballages, livraisons"],
                    ["Émissions de gaz à effet de serre", 4, "", "Bilan ou plan de réduction"],
                    ["Conditions de travail", 5, "", "Sous-traitance, santé et sécurité"],
                    ["Insertion et handicap", 4, "", "ESAT, entreprise adaptée, insertion"],
                    ["Ancrage territorial", 3, "", "Implantation et emplois locaux"],
                    ["Éthique et conformité", 3, "", "Anticorruption, données personnelles"],
                    ["Égalité professionnelle", 3, "", "Index publié si le fournisseur y est tenu"],
                    ["Total", 100, "", "Note pondérée = somme des poids x note / 5"],
                ],
            },
            {
                "title": "Liste de contrôle avant achat",
                "filename": "liste-controle-achat.csv",
                "rows": [
                    ["N°", "Question", "Oui / Non", "Si non, que faire ?"],
                    [1, "Le besoin est-il confirmé par ses utilisateurs ?", "", "Les consulter"],
                    [2, "Le besoin est-il absent de nos stocks ?", "", "Vérifier l'armoire"],
                    [3, "Avez-vous écarté réparation, location et réemploi ?", "", "Les chiffrer"],
                    [4, "Un contrat du groupe couvre-t-il ce besoin ?", "", "Vérifier l'intranet"],
                    [5, "La quantité est-elle ajustée au besoin réel ?", "", "La revoir"],
                    [6, "Avez-vous comparé les offres en coût global ?", "", "Utiliser la grille"],
                    [7, "Le produit porte-t-il un label reconnu ?", "", "Voir la fiche"],
                    [8, "Avez-vous consulté une structure de l'ESS ?", "", "Voir les annuaires"],
                    [9, "Le fournisseur reprend-il ses emballages ?", "", "Le demander"],
                    [10, "Les livraisons peuvent-elles être groupées ?", "", "Le négocier"],
                    [11, "La fin de vie du produit est-elle prévue ?", "", "Prévoir la filière"],
                    [12, "La clause RSE est-elle jointe au contrat ?", "", "L'ajouter"],
                    [13, "Le délai de paiement est-il respecté ?", "", "Alerter la compta"],
                    [14, "Un suivi annuel est-il prévu ?", "", "Fixer une revue"],
                ],
            },
            {
                "title": "Modèle de clause RSE",
                "filename": "modele-clause-rse.txt",
                "text": CLAUSE_RSE_TEXT,
            },
        ],
    },
    {
        "slug": "eco-gestes",
        "title": "Guide des éco-gestes au bureau",
        "summary": (
            "Énergie, numérique, déchets, déplacements, eau et papier : les gestes simples et "
            "efficaces qui réduisent l'empreinte de nos bureaux, avec des ordres de grandeur "
            "pour convaincre sans culpabiliser."
        ),
        "theme": "environnement",
        "authors": ["azur", "oceane"],
        "body": ECO_GESTES_BODY,
        "earlier_body": ECO_GESTES_EARLIER_BODY,
        "tools": [
            {
                "title": "Relevé mensuel des consommations du site",
                "filename": "releve-consommations-site.xlsx",
                "rows": [
                    [
                        "Mois",
                        "Électricité (kWh)",
                        "Gaz (kWh)",
                        "Eau (m3)",
                        "Pages imprimées",
                        "Commentaire",
                    ],
                    ["Janvier 2026", 21400, 38200, 74, 52300, "Mois de référence"],
                    ["Février 2026", 20100, 35600, 71, 49800, ""],
                    ["Mars 2026", 18700, 27400, 69, 46100, "Lancement de la campagne"],
                    ["Avril 2026", 16200, 15300, 66, 41200, "Consigne à 19 °C appliquée"],
                    ["Mai 2026", 15100, 6100, 63, 39700, ""],
                    ["Juin 2026", 16800, 0, 81, 38400, "Fuite réparée le 12 juin"],
                    ["Juillet 2026", 17900, 0, 58, 29600, "Climatisation réglée à 26 °C"],
                    ["Août 2026", 12300, 0, 41, 18200, "Congés d'été"],
                    ["Septembre 2026", 15400, 2800, 62, 40100, "Impression par badge"],
                    ["Octobre 2026", 16900, 14900, 64, 37800, ""],
                    ["Novembre 2026", 18600, 27100, 65, 36900, ""],
                    ["Décembre 2026", 19200, 33800, 60, 31500, "Fermeture entre les fêtes"],
                    ["Total", 208600, 201200, 774, 461600, "Comparer avec l'an passé"],
                ],
            },
            {
                "title": "Quiz éco-gestes pour animer une réunion d'équipe",
                "filename": "quiz-eco-gestes.csv",
                "rows": [
                    ["N°", "Question", "Réponse A", "Réponse B", "Réponse C", "Bonne réponse"],
                    [1, "Baisser le chauffage de 1 °C économise", "1 %", "7 %", "20 %", "B"],
                    [
                        2,
                        "Empreinte du numérique : le premier poste",
                        "Centres de données",
                        "Réseaux",
                        "Fabrication des terminaux",
                        "C",
                    ],
                    [3, "Les agrafes gênent-elles le recyclage ?", "Oui", "Non", "Parfois", "B"],
                    [
                        4,
                        "Durée d'ouverture idéale pour aérer",
                        "5 à 10 min",
                        "1 heure",
                        "Toute la journée",
                        "A",
                    ],
                    [
                        5,
                        "Une chasse d'eau qui fuit perd par jour",
                        "10 litres",
                        "Quelques centaines de litres",
                        "1 litre",
                        "B",
                    ],
                    [6, "Température de consigne en hiver", "17 °C", "19 °C", "22 °C", "B"],
                    [
                        7,
                        "Seuil minimal de la climatisation",
                        "22 °C",
                        "24 °C",
                        "26 °C",
                        "C",
                    ],
                    [
                        8,
                        "Prise en charge minimale de l'abonnement de transport",
                        "25 %",
                        "50 %",
                        "75 %",
                        "B",
                    ],
                    [
                        9,
                        "Objectif de durée de vie du matériel du groupe",
                        "3 ans",
                        "4 ans",
                        "5 ans",
                        "C",
                    ],
                    [
                        10,
                        "Le bac à biodéchets reçoit",
                        "Les restes de repas",
                        "Les gobelets",
                        "Les serviettes plastifiées",
                        "A",
                    ],
                ],
            },
            {
                "title": "Mémo à afficher",
                "filename": "memo-eco-gestes.txt",
                "text": MEMO_ECO_GESTES_TEXT,
            },
        ],
    },
    {
        "slug": "egalite-professionnelle",
        "title": "Guide pour l'égalité femmes-hommes au travail",
        "summary": (
            "Index de l'égalité professionnelle, recrutement, rémunération, parentalité, "
            "prévention des violences sexistes et sexuelles et communication inclusive : "
            "repères et méthodes pour les RH, les managers et les élus."
        ),
        "theme": "egalite",
        "authors": ["francilienne", "rhin-moselle", "arverne"],
        "body": EGALITE_BODY,
        "earlier_body": None,
        "tools": [
            {
                "title": "Plan d'action égalité professionnelle",
                "filename": "plan-action-egalite.xlsx",
                "rows": [
                    ["Domaine", "Action", "Indicateur de suivi", "Échéance", "Responsable"],
                    [
                        "Rémunération",
                        "Enveloppe de rattrapage des écarts inexpliqués",
                        "Écart moyen par emploi",
                        "Mars 2027",
                        "Direction des RH",
                    ],
                    [
                        "Rémunération",
                        "Repères de rémunération par poste pour les managers",
                        "Part des managers outillés",
                        "Décembre 2026",
                        "Direction des RH",
                    ],
                    [
                        "Recrutement",
                        "Grille d'entretien commune et jurys mixtes",
                        "Part des jurys mixtes",
                        "Décembre 2026",
                        "Chargée de recrutement",
                    ],
                    [
                        "Recrutement",
                        "Offres rédigées au féminin et au masculin",
                        "Part des offres conformes",
                        "Octobre 2026",
                        "Communication",
                    ],
                    [
                        "Promotion",
                        "Viviers mixtes pour chaque poste de manager",
                        "Part de femmes promues",
                        "Juin 2027",
                        "Comité de direction",
                    ],
                    [
                        "Promotion",
                        "Programme de mentorat ouvert aux volontaires",
                        "Nombre de binômes",
                        "Septembre 2027",
                        "Ambassadeur ESS/RSE",
                    ],
                    [
                        "Parentalité",
                        "Entretien avant et après chaque congé parental",
                        "Part des entretiens réalisés",
                        "Décembre 2026",
                        "Managers",
                    ],
                    [
                        "Parentalité",
                        "Information sur le congé de paternité",
                        "Taux de recours au congé",
                        "Décembre 2026",
                        "Direction des RH",
                    ],
                    [
                        "Violences",
                        "Former les managers à la prévention des VSS",
                        "Part des managers formés",
                        "Juin 2027",
                        "Direction des RH",
                    ],
                    [
                        "Violences",
                        "Afficher la procédure de signalement sur chaque site",
                        "Sites équipés",
                        "Novembre 2026",
                        "Référents CSE et RH",
                    ],
                    [
                        "Communication",
                        "Guide de rédaction inclusive pour les supports",
                        "Supports relus",
                        "Mars 2027",
                        "Communication",
                    ],
                ],
            },
            {
                "title": "Grille d'entretien de recrutement",
                "filename": "grille-entretien-recrutement.csv",
                "rows": [
                    ["Compétence", "Question posée à tous", "Éléments attendus", "Note (1-4)"],
                    [
                        "Écoute",
                        "Racontez un échange difficile avec un client.",
                        "Reformulation, calme, solution",
                        "",
                    ],
                    [
                        "Organisation",
                        "Comment priorisez-vous une journée chargée ?",
                        "Méthode, urgences, délais",
                        "",
                    ],
                    [
                        "Travail en équipe",
                        "Décrivez un projet mené à plusieurs.",
                        "Rôle clair, entraide, bilan",
                        "",
                    ],
                    [
                        "Rigueur",
                        "Comment vérifiez-vous un dossier avant de le valider ?",
                        "Contrôles, outils, traçabilité",
                        "",
                    ],
                    [
                        "Pédagogie",
                        "Expliquez une garantie santé à un adhérent.",
                        "Mots simples, exemples",
                        "",
                    ],
                    [
                        "Adaptation",
                        "Parlez d'un changement d'outil ou d'organisation.",
                        "Curiosité, apprentissage",
                        "",
                    ],
                    [
                        "Valeurs mutualistes",
                        "Que représente pour vous une mutuelle ?",
                        "Solidarité, non-lucrativité",
                        "",
                    ],
                    [
                        "Numérique",
                        "Quels outils utilisez-vous au quotidien ?",
                        "Aisance, envie d'apprendre",
                        "",
                    ],
                    [
                        "Motivation",
                        "Qu'attendez-vous de ce poste ?",
                        "Projet cohérent avec le poste",
                        "",
                    ],
                    [
                        "Rappel",
                        "Aucune question sur la famille ou la grossesse",
                        "Questions illégales",
                        "",
                    ],
                ],
            },
            {
                "title": "Procédure de signalement des violences sexistes et sexuelles",
                "filename": "procedure-signalement-vss.txt",
                "text": PROCEDURE_VSS_TEXT,
            },
        ],
    },
    {
        "slug": "semaine-qvt",
        "title": "Kit d'animation de la semaine de la qualité de vie au travail",
        "summary": (
            "Un programme clé en main pour la Semaine pour la qualité de vie et des conditions "
            "de travail : planning jour par jour, rôles, communication, budget et évaluation, "
            "à adapter à chaque site."
        ),
        "theme": "qvt",
        "authors": ["ligerienne", "arverne"],
        "body": SEMAINE_QVT_BODY,
        "earlier_body": None,
        "tools": [
            {
                "title": "Budget prévisionnel",
                "filename": "budget-semaine-qvt.xlsx",
                "rows": [
                    [
                        "Poste",
                        "Prestataire ou ressource",
                        "Quantité",
                        "Coût unitaire (€)",
                        "Total (€)",
                        "Commentaire",
                    ],
                    ["Petit-déjeuner d'ouverture", "Boulangerie voisine", 200, 3, 600, ""],
                    ["Colis pour les agences", "Épicerie solidaire", 6, 60, 360, "Un par agence"],
                    ["Atelier ergonomie", "Service de santé au travail", 1, 0, 0, "Adhésion"],
                    ["Supports de réglage", "Contrat du groupe", 20, 25, 500, "Repose-pieds"],
                    ["Pause active", "Coach sportif indépendant", 2, 90, 180, ""],
                    ["Conférence santé mentale", "Association de psychologues", 1, 600, 600, ""],
                    ["Cohérence cardiaque", "Salariée sophrologue", 2, 0, 0, "En interne"],
                    ["Atelier hybride", "RH et CSE", 3, 0, 0, "Co-animation"],
                    ["Déjeuner partagé", "Traiteur d'insertion", 1, 450, 450, "Complément"],
                    ["Mur d'expression", "Fournitures de bureau", 1, 80, 80, ""],
                    ["Affiches et programmes", "Imprimeur local labellisé", 1, 180, 180, ""],
                    ["Imprévus", "", 1, 150, 150, "Environ 5 %"],
                    ["Total", "", "", "", 3100, "Hors temps de travail"],
                ],
            },
            {
                "title": "Questionnaire d'évaluation",
                "filename": "questionnaire-evaluation-qvt.csv",
                "rows": [
                    ["N°", "Question", "Type de réponse", "Choix proposés"],
                    [1, "À combien d'animations avez-vous participé ?", "Choix", "0 / 1 / 2 / 3+"],
                    [2, "Si aucune, pourquoi ?", "Choix", "Temps / Intérêt / Information"],
                    [3, "Satisfaction globale", "Échelle", "1 à 5"],
                    [4, "Animation la plus utile", "Choix", "Liste des animations"],
                    [5, "Le programme était-il adapté à votre métier ?", "Échelle", "1 à 5"],
                    [6, "Avez-vous pu participer sur le temps de travail ?", "Choix", "Oui / Non"],
                    [7, "Avez-vous appris quelque chose d'utile ?", "Échelle", "1 à 5"],
                    [8, "Une proposition pour améliorer votre travail", "Texte libre", ""],
                    [9, "Un thème pour l'an prochain", "Texte libre", ""],
                    [10, "Votre site", "Choix", "Liste des sites"],
                ],
            },
            {
                "title": "Message d'annonce aux salariés",
                "filename": "message-annonce-semaine-qvt.txt",
                "text": ANNONCE_QVT_TEXT,
            },
        ],
    },
]
