import { DEFAULT_PARTNERSHIP_KEY } from '@tracker/contracts';
import type { SeedWorkPlan } from './seed.types';

/**
 * The Work Plan of the Urban Agenda for the EU Partnership on the Inclusion of Migrants and Refugees,
 * transcribed from source/work-plan.txt (the published text). Plain data: see work-plan.data.spec.ts for
 * the checks against the source text.
 *
 * Transcription notes (judgement calls on ambiguous source text; each is also a note users see):
 * - Partnership members: Table 1 (1.2.2) lost its column layout in the text. The current-phase set
 *   below is the 35 organisations that section 1.2.3 counts ("Some 15 new members were admitted in
 *   2024, making a total of 35 organisations represented (see Table 1)"): every body with an entry in
 *   all three phase columns, the 15 new 2024 members, and the bodies with two entries that take part
 *   in a current Action (Milan, Flanders, Malta, Council of Europe Development Bank). Bodies read as
 *   past phases only (not seeded): Athens, Budapest, Mechelen, Denmark, Greece, Ireland, URBACT,
 *   Council of Europe, European Council on Refugees and Exiles. The executive summary says "36 members":
 *   the partnership's notes say so in the app.
 * - "Italian Ministry of Labour" (2.x.8) is read as the Partnership member "Italy" (Table 1).
 * - "ASP Bologna" (2.7.8) is read as the Partnership member "Bologna (IT)" (Table 1).
 * - "Council of European local and regional authorities" (2.6.8) is read as CEMR.
 * - Annex 1 gives Action 3 a shorter, earlier schedule. "Creation of the guidance material" is kept
 *   as another reading of the guideline development; "Dissemination of guidance material" and
 *   "Evaluation and recommendations" have no counterpart in 2.6.9 and are seeded as Annex 1 milestones
 *   with an `annex_only` note: never flagged on their own.
 * - Every judgement that users should see is also a note (`notes`, with its section) on the record:
 *   derived readings, the plan's inconsistencies, Annex 1-only steps, ambiguous passages.
 */
export const WORK_PLAN: SeedWorkPlan = {
  partnership: {
    key: DEFAULT_PARTNERSHIP_KEY,
    name: 'Urban Agenda Partnership on the Inclusion of Migrants and Refugees',
    coordinators: ['dg-home', 'amsterdam'],
    members: [
      // Cities
      'amsterdam',
      'barcelona',
      'berlin',
      'helsinki',
      'milan',
      'bologna',
      'basque-government',
      'catalonia',
      'fuenlabrada',
      'prato',
      'sardinia',
      'timisoara',
      'warsaw',
      // National governments
      'italy',
      'portugal',
      'flanders',
      'malta',
      // Transnational municipal networks
      'eurocities',
      'cemr',
      'aer',
      'nova-onlus',
      // EU organisations
      'dg-home',
      'dg-empl',
      'dg-regio',
      'committee-of-the-regions',
      'eib',
      'ceb',
      'expert-group-views-of-migrants',
      'jrc',
      // NGOs, think-tanks and universities
      'migration-policy-group',
      'ashoka-hello-europe',
      'croix-rouge-francaise',
      'egmont-institute',
      'mareena',
      'university-of-coimbra',
    ],
    secretariat: 'inclusion-partnership-secretariat',
    deadline: '2027-03-31',
    source: '1.2.1, 1.2.2',
    notes: [
      {
        kind: 'reading',
        text: "Coordinated by the City of Amsterdam and the European Commission's DG HOME.",
        source: 'Executive summary, 1.2.1',
      },
      {
        kind: 'inconsistency',
        text: 'The executive summary speaks of "The 36 members of the partnership"; section 1.2.3 counts "a total of 35 organisations represented (see Table 1)". The tracker lists the 35 of Table 1 in the current phase.',
        source: 'Executive summary, 1.2.3',
      },
      {
        kind: 'reading',
        text: 'The tracker could not tell which column of Table 1 each name is in: the text copy of the plan lost the table\'s layout. What is known: section 1.2.3 counts "a total of 35 organisations represented (see Table 1)", and the executive summary speaks of "The 36 members of the partnership". What the tracker assumed: the current members are the bodies listed in all three phases, the 15 admitted in 2024, and those listed twice that take part in a current Action (Milan, Flanders, Malta, Council of Europe Development Bank); the past members only are Athens, Budapest, Mechelen, Denmark, Greece, Ireland, URBACT, Council of Europe and European Council on Refugees and Exiles. The Council of Europe, for one, may instead be a current member (a 36th). Please check against the PDF.',
        source: '1.2.2, 1.2.3',
      },
      {
        kind: 'reading',
        text: 'The Inclusion Partnership Secretariat, under the Specific Contract HOME-AMIF-TF2-FW-MIGR-4009 implementing Framework Contract EAC-2022-OP-0002, supports every Action through its Action Coordinators (setting up meetings, summarising results, drafting outputs). It is not a member.',
        source: '2.4.6, 2.5.6, 2.6.6, 2.7.6',
      },
    ],
  },

  organisations: [
    // ----- The Secretariat (2.x.6): supports the Actions, not a member -----
    {
      key: 'inclusion-partnership-secretariat',
      name: 'The Inclusion Partnership Secretariat',
      type: 'other',
      country: null,
      aliases: ['Secretariat of the Partnership'],
      source: '2.4.6, 2.5.6, 2.6.6, 2.7.6',
      notes: [
        {
          kind: 'reading',
          text: 'Works under the Specific Contract HOME-AMIF-TF2-FW-MIGR-4009 implementing Framework Contract EAC-2022-OP-0002 and supports each Action through its Action Coordinators.',
          source: '2.4.6, 2.5.6, 2.6.6, 2.7.6',
        },
      ],
    },
    // ----- Coordinators -----
    {
      key: 'dg-home',
      name: 'Directorate-General for Migration and Home Affairs (DG HOME)',
      type: 'eu_body',
      country: null,
      aliases: ['DG HOME', 'European Commission’s Directorate-General for Migration and Home Affairs (DG HOME)', 'European Commission (DG HOME)'],
      source: '1.2.1, 1.2.2, 1.2.3, 1.3.1',
    },
    {
      key: 'amsterdam',
      name: 'Amsterdam',
      type: 'city',
      country: 'NL',
      aliases: ['Amsterdam (NL)', 'City of Amsterdam'],
      source: '1.2.1, 1.2.2, 2.4.8, 2.6.8, Annex 1',
    },
    // ----- Cities (Table 1) -----
    {
      key: 'barcelona',
      name: 'Barcelona',
      type: 'city',
      country: 'ES',
      aliases: ['Barcelona (ES)', 'Barcelona Municipality'],
      source: '1.2.2, 2.7.8, Annex 1',
    },
    {
      key: 'berlin',
      name: 'Berlin',
      type: 'city',
      country: 'DE',
      aliases: ['Berlin (DE)', 'City of Berlin'],
      source: '1.2.2, 2.4.8, 2.7.8, Annex 1',
    },
    {
      key: 'helsinki',
      name: 'Helsinki',
      type: 'city',
      country: 'FI',
      aliases: ['Helsinki (FI)'],
      source: '1.2.2',
    },
    {
      key: 'milan',
      name: 'Milan',
      type: 'city',
      country: 'IT',
      aliases: ['Milan (IT)', 'Municipality of Milan'],
      source: '1.2.2, 2.4.8, 2.7.8, Annex 1',
    },
    {
      key: 'bologna',
      name: 'Bologna',
      type: 'city',
      country: 'IT',
      aliases: ['Bologna (IT)', 'ASP Bologna'],
      source: '1.2.2, 2.4.8, 2.7.8, Annex 1',
      notes: [
        {
          kind: 'reading',
          text: 'Action 4 lists "ASP Bologna" (2.7.8), the city\'s public agency for personal services, among its members. The tracker reads it as the Partnership member Bologna (Table 1), not as a body of its own.',
          source: '2.7.8, 1.2.2',
        },
      ],
    },
    {
      key: 'basque-government',
      name: 'Basque Government',
      type: 'region',
      country: 'ES',
      aliases: ['Basque Government (ES)'],
      source: '1.2.2, 2.4.8, 2.6.8, 2.7.8, Annex 1',
      notes: [
        {
          kind: 'reading',
          text: 'Table 1 lists "Basque Government (ES)" among the cities. The tracker types it as a region, which it is; Flanders, by contrast, keeps the type Table 1 gives it (national governments).',
          source: '1.2.2',
        },
      ],
    },
    {
      key: 'catalonia',
      name: 'Catalonia',
      type: 'region',
      country: 'ES',
      aliases: ['Catalunya (ES)', 'Catalunya', 'Catalonia Region', 'Government of Catalonia'],
      source: '1.2.2, 2.4.8, 2.6.5, 2.6.8, 2.7.8, Annex 1',
      notes: [
        {
          kind: 'reading',
          text: 'Table 1 lists "Catalunya (ES)" among the cities. The tracker types it as a region, which it is; Flanders, by contrast, keeps the type Table 1 gives it (national governments).',
          source: '1.2.2',
        },
      ],
    },
    {
      key: 'fuenlabrada',
      name: 'Fuenlabrada',
      type: 'city',
      country: 'ES',
      aliases: ['Fuenlabrada (ES)'],
      source: '1.2.2, 2.6.8, 2.7.8, Annex 1',
    },
    {
      key: 'prato',
      name: 'Prato',
      type: 'city',
      country: 'IT',
      aliases: ['Prato (IT)', 'Prato Municipality'],
      source: '1.2.2, 2.4.8, 2.5.8, Annex 1',
    },
    {
      key: 'sardinia',
      name: 'Sardinia Region',
      type: 'region',
      country: 'IT',
      aliases: ['Sardinian Regione (IT)', 'Sardinian Regione', 'Sardiania Region'],
      source: '1.2.2, 2.5.8, 2.7.8, Annex 1',
      notes: [
        {
          kind: 'reading',
          text: 'Table 1 lists "Sardinian Regione (IT)" among the cities. The tracker types it as a region, which it is; Flanders, by contrast, keeps the type Table 1 gives it (national governments).',
          source: '1.2.2',
        },
      ],
    },
    {
      key: 'timisoara',
      name: 'Timisoara',
      type: 'city',
      country: 'RO',
      aliases: ['Timisoara (RO)'],
      source: '1.2.2, 2.4.8, 2.5.8, Annex 1',
    },
    {
      key: 'warsaw',
      name: 'Warsaw',
      type: 'city',
      country: 'PL',
      aliases: ['Warsaw (PL)'],
      source: '1.2.2, 2.4.8, 2.5.8, Annex 1',
    },
    // ----- National governments (Table 1) -----
    {
      key: 'italy',
      name: 'Italy',
      type: 'national_government',
      country: 'IT',
      aliases: ['Italian Ministry of Labour'],
      source: '1.2.2, 2.4.8, 2.7.8, Annex 1',
      notes: [
        {
          kind: 'reading',
          text: 'Actions 1 and 4 list the "Italian Ministry of Labour" among their members (2.4.8, 2.7.8). The tracker reads it as the Partnership member Italy (Table 1).',
          source: '2.4.8, 2.7.8, 1.2.2',
        },
      ],
    },
    {
      key: 'portugal',
      name: 'Portugal',
      type: 'national_government',
      country: 'PT',
      aliases: [],
      source: '1.2.2',
    },
    {
      key: 'flanders',
      name: 'Flanders Region',
      // Table 1 lists it among the national governments (see notes).
      type: 'national_government',
      country: 'BE',
      aliases: ['Region of Flanders', 'Belgium (Flanders)'],
      source: '1.2.2, 2.4.8, 2.5.8, 2.6.5, 2.6.8, 2.7.8, Annex 1',
      notes: [
        {
          kind: 'reading',
          text: 'Table 1 lists "Belgium (Flanders)" among the national governments, so the tracker types it as one; elsewhere the plan calls it "Flanders Region" or "Region of Flanders", a region of Belgium. The regions Table 1 lists among the cities (Basque Government, Catalonia, Sardinia) are typed as regions.',
          source: '1.2.2',
        },
      ],
    },
    {
      key: 'malta',
      name: 'Malta',
      type: 'national_government',
      country: 'MT',
      aliases: [],
      source: '1.2.2, 2.4.8, Annex 1',
    },
    // ----- Transnational municipal networks (Table 1) -----
    {
      key: 'eurocities',
      name: 'Eurocities',
      type: 'municipal_network',
      country: null,
      aliases: [],
      source: '1.2.2, 1.2.3, 2.6.8, 2.7.5, 2.7.8, 2.7.9, Annex 1',
    },
    {
      key: 'cemr',
      name: 'Council of European Municipalities and Regions',
      type: 'municipal_network',
      country: null,
      aliases: ['CEMR', 'Council of European local and regional authorities'],
      source: '1.2.2, 1.2.3, 2.6.8',
      notes: [
        {
          kind: 'reading',
          text: 'Action 3 names the "Council of European local and regional authorities" among its external stakeholders (2.6.8). The plan names no body of that kind otherwise, so the tracker reads it as the Council of European Municipalities and Regions (CEMR), a Partnership member.',
          source: '2.6.8, 1.2.2',
        },
      ],
    },
    {
      key: 'aer',
      name: 'Assembly of European Regions',
      type: 'municipal_network',
      country: null,
      aliases: ['AER', 'Assembly of the Regions', 'Assembly of the Region (AER)', 'Assembly of the Region'],
      source: '1.2.2, 2.4.8, 2.6.5, 2.6.8, Annex 1',
    },
    {
      key: 'nova-onlus',
      name: 'NOVA ONLUS',
      type: 'ngo_think_tank',
      country: 'IT',
      aliases: [],
      source: '1.2.2, 2.4.8, 2.5.8, 2.6.8, 2.7.8, Annex 1',
    },
    // ----- EU organisations (Table 1) -----
    {
      key: 'dg-empl',
      name: 'DG EMPL',
      type: 'eu_body',
      country: null,
      aliases: [],
      source: '1.2.2',
    },
    {
      key: 'dg-regio',
      name: 'DG REGIO',
      type: 'eu_body',
      country: null,
      aliases: [],
      source: '1.2.2',
    },
    {
      key: 'committee-of-the-regions',
      name: 'European Committee of the Regions',
      type: 'eu_body',
      country: null,
      aliases: ['Committee of the Regions', 'Committee of the Regions (CoR)', 'CoR'],
      source: '1.2.2, 1.2.3, 2.4.8, 2.5.5, 2.5.8, 2.6.8, 2.7.8, Annex 1',
      notes: [
        {
          kind: 'reading',
          text: 'Section 2.5.8 names the Committee of the Regions both as co-leader of Action 2 and among its members. The tracker shows it in both roles, as the plan does.',
          source: '2.5.8',
        },
      ],
    },
    {
      key: 'eib',
      name: 'European Investment Bank',
      type: 'eu_body',
      country: null,
      aliases: ['EIB', 'European Investment Bank Group (EIB and EIF)'],
      source: '1.2.2, 1.2.3',
    },
    {
      key: 'ceb',
      name: 'Council of Europe Development Bank',
      type: 'international_organisation',
      country: null,
      aliases: ['CEB'],
      source: '1.2.2, 2.4.8, 2.5.5, 2.5.8, 2.7.5, 2.7.8, 2.7.9, Annex 1',
    },
    {
      key: 'expert-group-views-of-migrants',
      name: 'Expert Group on the Views of Migrants',
      type: 'expert_group',
      country: null,
      aliases: ['European Commission’s Expert Group on the Views of Migrants', 'Expert Group of the Views of Migrants'],
      source: '1.2.2, 1.2.3, 2.2, 2.3, 2.4.8, 2.5.8, 2.6.8, 2.7.8, Annex 1',
      notes: [
        {
          kind: 'reading',
          text: 'Section 2.6.8 lists the Expert Group on the Views of Migrants both among the members of Action 3 and among its external stakeholders ("Expert group on the views of migrants"). The tracker shows it in both roles, as the plan does.',
          source: '2.6.8',
        },
      ],
    },
    {
      key: 'jrc',
      name: 'Joint Research Centre',
      type: 'eu_body',
      country: null,
      aliases: ['Joint Reserach Centre'],
      source: '1.2.2, 2.6.8, Annex 1',
    },
    // ----- NGOs, think-tanks and universities (Table 1) -----
    {
      key: 'migration-policy-group',
      name: 'Migration Policy Group',
      type: 'ngo_think_tank',
      country: 'BE',
      aliases: ['Migration Policy Group (BE)'],
      source: '1.2.2, 2.5.8, Annex 1',
    },
    {
      key: 'ashoka-hello-europe',
      name: 'Ashoka Hello Europe',
      type: 'ngo_think_tank',
      country: 'BE',
      aliases: ['Ashoka Hello Europe (BE)'],
      source: '1.2.2, 2.4.8, 2.6.8, 2.7.8, Annex 1',
    },
    {
      key: 'croix-rouge-francaise',
      name: 'Croix-Rouge française',
      type: 'ngo_think_tank',
      country: 'FR',
      aliases: ['Croix-Rouge francaise'],
      source: '1.2.2, 2.4.8, 2.5.8, 2.6.8, 2.7.8, Annex 1',
    },
    {
      key: 'egmont-institute',
      name: 'Egmont Institute',
      type: 'ngo_think_tank',
      country: 'BE',
      aliases: ['Egmont Institute (BE)'],
      source: '1.2.2, 2.4.8, 2.6.8, Annex 1',
    },
    {
      key: 'mareena',
      name: 'Mareena',
      type: 'ngo_think_tank',
      country: 'SK',
      aliases: ['Mareena (SK)'],
      source: '1.2.2, 2.4.8, 2.5.8, 2.7.8, Annex 1',
    },
    {
      key: 'university-of-coimbra',
      name: 'University of Coimbra',
      type: 'university',
      country: 'PT',
      aliases: ['University of Coimbra (PT)'],
      source: '1.2.2, 2.4.8, 2.5.8, Annex 1',
    },
    // ----- Named external stakeholders (not Partnership members) -----
    {
      key: 'oecd',
      name: 'Organisation for Economic Co-operation and Development',
      type: 'international_organisation',
      country: null,
      aliases: ['OECD'],
      source: '2.4.8',
      notes: [
        {
          kind: 'reading',
          text: 'Named only as an example of a potential stakeholder for cooperation of Action 1: "Labour market integration experts from international organisations (e.g. OECD), others TBD". Not taking part.',
          source: '2.4.8',
        },
      ],
    },
    {
      key: 'iom',
      name: 'International Organization for Migration',
      type: 'international_organisation',
      country: null,
      aliases: ['IOM'],
      source: '2.5.2, 2.5.8',
      notes: [
        {
          kind: 'reading',
          text: 'Named as a potential stakeholder for cooperation of Action 2, in the words "other important international organisations (IOM, UNHCR, UNICEF, ILO) have also identified these problems in European countries". Not taking part.',
          source: '2.5.2, 2.5.8',
        },
      ],
    },
    {
      key: 'unhcr',
      name: 'United Nations High Commissioner for Refugees',
      type: 'international_organisation',
      country: null,
      aliases: ['UNHCR'],
      source: '2.5.2, 2.5.8',
      notes: [
        {
          kind: 'reading',
          text: 'Named as a potential stakeholder for cooperation of Action 2, in the words "other important international organisations (IOM, UNHCR, UNICEF, ILO) have also identified these problems in European countries". Not taking part.',
          source: '2.5.2, 2.5.8',
        },
      ],
    },
    {
      key: 'unicef',
      name: 'United Nations Children’s Fund',
      type: 'international_organisation',
      country: null,
      aliases: ['UNICEF'],
      source: '2.5.2, 2.5.8',
      notes: [
        {
          kind: 'reading',
          text: 'Named as a potential stakeholder for cooperation of Action 2, in the words "other important international organisations (IOM, UNHCR, UNICEF, ILO) have also identified these problems in European countries". Not taking part.',
          source: '2.5.2, 2.5.8',
        },
      ],
    },
    {
      key: 'ilo',
      name: 'International Labour Organization',
      type: 'international_organisation',
      country: null,
      aliases: ['ILO'],
      source: '2.5.2, 2.5.8',
      notes: [
        {
          kind: 'reading',
          text: 'Named as a potential stakeholder for cooperation of Action 2, in the words "other important international organisations (IOM, UNHCR, UNICEF, ILO) have also identified these problems in European countries". Not taking part.',
          source: '2.5.2, 2.5.8',
        },
      ],
    },
    {
      key: 'sirius-network',
      name: 'SIRIUS Network',
      type: 'other',
      country: null,
      aliases: [],
      source: '2.5.9',
      notes: [
        {
          kind: 'reading',
          text: 'An external stakeholder of Action 2 because of one step of its mapping: "Meeting to be organised with specialist(s) from SIRIUS Network".',
          source: '2.5.9',
        },
      ],
    },
    {
      key: 'european-commission',
      name: 'European Commission',
      type: 'eu_body',
      country: null,
      aliases: [],
      source: '2.7.5, 2.7.9, Annex 1',
      notes: [
        {
          kind: 'reading',
          text: 'An external stakeholder of Action 4: "Relevant officers at the European Commission will be invited to participate in discussions with Action group members on how the MFF is being shaped"; Annex 1 names it too.',
          source: '2.7.5, Annex 1',
        },
      ],
    },
  ],

  actions: [
    // =====================================================================================
    // Action 1 — Labour (section 2.4)
    // =====================================================================================
    {
      number: 1,
      shortName: 'Labour',
      title: 'Inclusive integration into quality jobs',
      objective:
        'Improved awareness of existing practices for supporting the early labour market integration of refugees and asylum seekers through knowledge sharing and co-learning and the development of capacity-building activities to enable local and regional service delivery actors to support this early labour market integration.',
      pillar: 'Better Knowledge',
      governanceLevels: ['Local'],
      deadline: '2027-03-31',
      source: '2.4',
      coLeaders: ['ashoka-hello-europe', 'flanders'],
      members: [
        'basque-government',
        'amsterdam',
        'berlin',
        'milan',
        'warsaw',
        'prato',
        'bologna',
        'timisoara',
        'catalonia',
        'committee-of-the-regions',
        'ceb',
        'expert-group-views-of-migrants',
        'nova-onlus',
        'aer',
        'italy',
        'malta',
        'croix-rouge-francaise',
        'egmont-institute',
        'university-of-coimbra',
        'mareena',
      ],
      externalStakeholders: [],
      potentialStakeholders: ['oecd'],
      stakeholderNotes: ['Labour market integration experts from international organisations (e.g. OECD), others TBD'],
      milestones: [
        {
          key: 'a1-virtual-exchange-1',
          title: 'First Virtual Exchange',
          window: { text: 'June 2025', start: '2025-06-01', end: '2025-06-30', precision: 'month' },
          tentative: false,
          source: '2.4.9',
          alternatives: [
            {
              text: 'May or June 2025',
              start: '2025-05-01',
              end: '2025-06-30',
              precision: 'month',
              source: 'Annex 1',
            },
          ],
          children: [],
        },
        {
          key: 'a1-virtual-exchange-2',
          title: 'Second Virtual Exchange',
          window: { text: 'October - December 2025', start: '2025-10-01', end: '2025-12-31', precision: 'month' },
          tentative: false,
          source: '2.4.9',
          alternatives: [
            {
              text: 'November or December 2025',
              start: '2025-11-01',
              end: '2025-12-31',
              precision: 'month',
              source: 'Annex 1',
            },
          ],
          children: [],
        },
        {
          key: 'a1-ein-presentation',
          title: 'Presentation at European Integration Network meeting on employment',
          window: { text: 'December 2025', start: '2025-12-01', end: '2025-12-31', precision: 'month' },
          tentative: false,
          source: '2.4.9',
          notes: [
            {
              kind: 'reading',
              text: 'The European Integration Network appears in the plan only as the host of this meeting: the Action "has also been invited to present at the European Integration Network\'s (EIN) December 2025 meeting on employment". The tracker does not list it as a stakeholder of Action 1.',
              source: '2.4.5, 2.4.9',
            },
          ],
          alternatives: [],
          children: [],
        },
        {
          key: 'a1-recommendations',
          title: 'Development of recommendations based on good practices',
          window: { text: 'January — May 2026', start: '2026-01-01', end: '2026-05-31', precision: 'month' },
          tentative: false,
          source: '2.4.9',
          alternatives: [],
          children: [],
        },
        {
          key: 'a1-capacity-building-dissemination',
          title: 'Urban Academy capacity-building dissemination activity',
          window: { text: '2026, precise timing TBD', start: '2026-01-01', end: '2026-12-31', precision: 'year' },
          tentative: false,
          source: '2.4.9',
          alternatives: [],
          children: [],
        },
      ],
      outputs: [
        {
          key: 'a1-out-virtual-exchanges',
          title: 'Virtual exchanges of best practices',
          due: null,
          tentative: false,
          source: '2.4.10',
          deriveDueFromMilestones: true,
          notes: [
            {
              kind: 'derived',
              text: 'The plan gives no due date of its own (2.4.10). The window shown is borrowed from the steps "First Virtual Exchange" and "Second Virtual Exchange" (2.4.9), which the plan words "June 2025" and "October - December 2025": June - December 2025.',
              source: '2.4.9, 2.4.10',
            },
          ],
          milestoneKeys: ['a1-virtual-exchange-1', 'a1-virtual-exchange-2'],
        },
        {
          key: 'a1-out-outcomes-reports',
          title: 'Outcomes report following each virtual exchange',
          due: null,
          tentative: false,
          source: '2.4.10',
          deriveDueFromMilestones: true,
          notes: [
            {
              kind: 'derived',
              text: 'The plan gives no due date of its own (2.4.10), but "each virtual exchange will be followed by an outcomes report" (2.4.5). The window shown is derived from the steps "First Virtual Exchange" and "Second Virtual Exchange" (2.4.9), which the plan words "June 2025" and "October - December 2025". The plan does not say how soon a report follows its exchange; the tracker assumes within the next month, so the reports are due from July 2025 (the first) to January 2026 (the second).',
              source: '2.4.5, 2.4.9, 2.4.10',
            },
          ],
          dueFollowsMilestones: true,
          milestoneKeys: ['a1-virtual-exchange-1', 'a1-virtual-exchange-2'],
        },
        {
          key: 'a1-out-recommendation',
          title: 'Recommendation based on good practices',
          due: null,
          tentative: false,
          source: '2.4.10',
          deriveDueFromMilestones: true,
          notes: [
            {
              kind: 'derived',
              text: 'The plan gives no due date of its own (2.4.10). The window shown is borrowed from the step "Development of recommendations based on good practices" (2.4.9), which the plan words "January — May 2026".',
              source: '2.4.9, 2.4.10',
            },
          ],
          milestoneKeys: ['a1-recommendations'],
        },
        {
          key: 'a1-out-capacity-building',
          title: 'Capacity-building output (details TBD)',
          due: null,
          tentative: false,
          source: '2.4.10',
          deriveDueFromMilestones: true,
          notes: [
            {
              kind: 'derived',
              text: 'The plan gives no due date of its own (2.4.10). The window shown is borrowed from the step "Urban Academy capacity-building dissemination activity" (2.4.9), which the plan words "2026, precise timing TBD".',
              source: '2.4.9, 2.4.10',
            },
          ],
          milestoneKeys: ['a1-capacity-building-dissemination'],
        },
        {
          key: 'a1-out-study-visit',
          title: 'Study visit (TBC)',
          due: null,
          tentative: true,
          source: '2.4.10',
          milestoneKeys: [],
        },
      ],
      targets: [],
      risks: [
        {
          key: 'a1-risk-objectives-not-met',
          title: 'Members do not meet the objectives',
          description:
            'Risks of this Action are that members do not meet the objectives, for example due to inactive participation in the group or a delay in the implementation of activities.',
          causes: ['inactive participation in the group', 'a delay in the implementation of activities'],
          mitigation:
            'The Secretariat of the Partnership and Coordinators are able to anticipate risk and either avert problems before they arise or implement mediation strategies to resolve them quickly. This is, for instance, done by a regular update on progress, setting up monitoring calls with co-leaders and active outreach to members.',
          source: '2.4.7',
        },
      ],
    },

    // =====================================================================================
    // Action 2 — Education (section 2.5)
    // =====================================================================================
    {
      number: 2,
      shortName: 'Education',
      title: 'Inclusive education from early childhood to higher education',
      objective:
        'Better support the integration and inclusion of newly arrived children with a migration background, as well as racialised children, by addressing institutional provision of local and regional educational services',
      pillar: 'Better Knowledge',
      governanceLevels: ['Local', 'Regional'],
      deadline: '2027-03-31',
      source: '2.5',
      coLeaders: ['committee-of-the-regions', 'ceb'],
      members: [
        'prato',
        'warsaw',
        'timisoara',
        'flanders',
        'sardinia',
        'migration-policy-group',
        'university-of-coimbra',
        'croix-rouge-francaise',
        'nova-onlus',
        'mareena',
        'expert-group-views-of-migrants',
        'committee-of-the-regions',
      ],
      externalStakeholders: ['sirius-network'],
      potentialStakeholders: ['iom', 'unhcr', 'unicef', 'ilo'],
      stakeholderNotes: [
        'Besides the institutions of the European Union, other important international organisations (IOM, UNHCR, UNICEF, ILO) have also identified these problems in European countries.',
        'Meeting to be organised with specialist(s) from SIRIUS Network',
      ],
      milestones: [
        {
          key: 'a2-collection-of-resources',
          title: 'Collection of resources',
          window: { text: 'May to September 2025', start: '2025-05-01', end: '2025-09-30', precision: 'month' },
          tentative: false,
          source: '2.5.9',
          alternatives: [],
          children: [
            {
              key: 'a2-resources-scope',
              title: 'Action group members decide on the scope of resources. Input to be requested from Partnership members',
              window: { text: 'May 2025', start: '2025-05-01', end: '2025-05-31', precision: 'month' },
              tentative: false,
              source: '2.5.9',
              alternatives: [],
              children: [],
            },
            {
              key: 'a2-resources-draft',
              title: 'Document to be drafted to present resources in a practical way',
              window: { text: 'June-July', start: '2025-06-01', end: '2025-07-31', precision: 'month' },
              tentative: false,
              source: '2.5.9',
              alternatives: [],
              children: [],
            },
            {
              key: 'a2-resources-review',
              title: 'Action group members to review and validate collection of resources',
              window: { text: 'August-September', start: '2025-08-01', end: '2025-09-30', precision: 'month' },
              tentative: false,
              source: '2.5.9',
              alternatives: [],
              children: [],
            },
            {
              key: 'a2-resources-dissemination',
              title: 'Document to be disseminated to members and/or stakeholders',
              window: { text: 'September', start: '2025-09-01', end: '2025-09-30', precision: 'month' },
              tentative: false,
              source: '2.5.9',
              alternatives: [],
              children: [],
            },
          ],
        },
        {
          key: 'a2-mapping',
          title: 'Mapping of good practices & webinar',
          window: { text: 'June to November 2025', start: '2025-06-01', end: '2025-11-30', precision: 'month' },
          tentative: false,
          source: '2.5.9',
          notes: [
            {
              kind: 'inconsistency',
              text: 'The plan gives the mapping "June to November 2025", but its steps start in "May" ("Action group members to decide on scope of mapping") and end with "Capacity building elements to be developed: 2026 (tbd)". The plan\'s words are kept; for warnings the tracker uses its steps\' dates, May 2025 to December 2026.',
              source: '2.5.9',
            },
          ],
          alternatives: [],
          children: [
            {
              key: 'a2-mapping-scope',
              title: 'Action group members to decide on scope of mapping. Input to be requested from Partnership members',
              window: { text: 'May', start: '2025-05-01', end: '2025-05-31', precision: 'month' },
              tentative: false,
              source: '2.5.9',
              alternatives: [],
              children: [],
            },
            {
              key: 'a2-mapping-sirius-meeting',
              title: 'Meeting to be organised with specialist(s) from SIRIUS Network',
              window: { text: 'June', start: '2025-06-01', end: '2025-06-30', precision: 'month' },
              tentative: false,
              source: '2.5.9',
              alternatives: [],
              children: [],
            },
            {
              key: 'a2-mapping-draft',
              title: 'Mapping to be drafted',
              window: { text: 'July-September', start: '2025-07-01', end: '2025-09-30', precision: 'month' },
              tentative: false,
              source: '2.5.9',
              alternatives: [],
              children: [],
            },
            {
              key: 'a2-mapping-review',
              title: 'Mapping to be reviewed and validated by Action group members',
              window: { text: 'September-October', start: '2025-09-01', end: '2025-10-31', precision: 'month' },
              tentative: false,
              source: '2.5.9',
              alternatives: [],
              children: [],
            },
            {
              key: 'a2-mapping-webinar',
              title: 'Webinar to be organised to disseminate the results of the mapping',
              window: { text: 'September-November', start: '2025-09-01', end: '2025-11-30', precision: 'month' },
              tentative: false,
              source: '2.5.9',
              alternatives: [],
              children: [],
            },
            {
              key: 'a2-mapping-capacity-building',
              title: 'Capacity building elements to be developed',
              window: { text: '2026 (tbd)', start: '2026-01-01', end: '2026-12-31', precision: 'year' },
              tentative: false,
              source: '2.5.9',
              alternatives: [],
              children: [],
            },
          ],
        },
        {
          key: 'a2-recommendations',
          title: 'Recommendations',
          window: { text: 'January-March 2026', start: '2026-01-01', end: '2026-03-31', precision: 'month' },
          tentative: false,
          source: '2.5.9',
          alternatives: [],
          children: [
            {
              key: 'a2-recommendations-develop',
              title: 'Recommendations to be developed based on the mapping exercise',
              window: { text: 'January-February', start: '2026-01-01', end: '2026-02-28', precision: 'month' },
              tentative: false,
              source: '2.5.9',
              alternatives: [],
              children: [],
            },
            {
              key: 'a2-recommendations-review',
              title: 'Recommendations to be reviewed and validated by expert and Action group members',
              window: { text: 'February-March', start: '2026-02-01', end: '2026-03-31', precision: 'month' },
              tentative: false,
              source: '2.5.9',
              alternatives: [],
              children: [],
            },
            {
              key: 'a2-recommendations-disseminate',
              title: 'Recommendations to be disseminated to relevant stakeholders',
              window: { text: 'March', start: '2026-03-01', end: '2026-03-31', precision: 'month' },
              tentative: false,
              source: '2.5.9',
              alternatives: [],
              children: [],
            },
          ],
        },
      ],
      outputs: [
        {
          key: 'a2-out-mapping-report',
          title: 'Good practices mapping report',
          due: null,
          tentative: false,
          source: '2.5.10',
          deriveDueFromMilestones: true,
          notes: [
            {
              kind: 'derived',
              text: 'The plan gives no due date of its own (2.5.10). The window shown is borrowed from the step "Mapping of good practices & webinar" (2.5.9), which the plan words "June to November 2025".',
              source: '2.5.9, 2.5.10',
            },
          ],
          milestoneKeys: ['a2-mapping'],
        },
        {
          key: 'a2-out-recommendations',
          title: 'List of recommendations',
          due: null,
          tentative: false,
          source: '2.5.10',
          deriveDueFromMilestones: true,
          notes: [
            {
              kind: 'derived',
              text: 'The plan gives no due date of its own (2.5.10). The window shown is borrowed from the step "Recommendations" (2.5.9), which the plan words "January-March 2026".',
              source: '2.5.9, 2.5.10',
            },
          ],
          milestoneKeys: ['a2-recommendations'],
        },
        {
          key: 'a2-out-capacity-building',
          title: 'Capacity building',
          due: null,
          tentative: false,
          source: '2.5.10',
          deriveDueFromMilestones: true,
          notes: [
            {
              kind: 'derived',
              text: 'The plan gives no due date of its own (2.5.10). The window shown is borrowed from the step "Capacity building elements to be developed" (2.5.9), which the plan words "2026 (tbd)".',
              source: '2.5.9, 2.5.10',
            },
          ],
          milestoneKeys: ['a2-mapping-capacity-building'],
        },
        {
          key: 'a2-out-resources-report',
          title: 'Report on existing resources',
          due: null,
          tentative: false,
          source: '2.5.10',
          deriveDueFromMilestones: true,
          notes: [
            {
              kind: 'derived',
              text: 'The plan gives no due date of its own (2.5.10). The window shown is borrowed from the step "Collection of resources" (2.5.9), which the plan words "May to September 2025".',
              source: '2.5.9, 2.5.10',
            },
          ],
          milestoneKeys: ['a2-collection-of-resources'],
        },
        {
          key: 'a2-out-communication',
          title: 'Social media posts & other communication outputs',
          due: null,
          tentative: false,
          source: '2.5.10',
          ongoing: true,
          notes: [
            {
              kind: 'derived',
              text: 'The plan gives no date for "Social media posts & other communication outputs": communication runs throughout the Action. The tracker shows it as ongoing from the Action\'s first step (May 2025) to its deadline, March 2027, and never warns about it for lack of a date.',
              source: '2.5.9, 2.5.10',
            },
          ],
          milestoneKeys: [],
        },
      ],
      targets: [],
      risks: [
        {
          key: 'a2-risk-objectives-not-met',
          title: 'Members do not meet the objectives',
          description:
            'Risks of this Action are that members do not meet the objectives due to inactive participation in the group or a delay in the implementation of activities.',
          causes: ['inactive participation in the group', 'a delay in the implementation of activities'],
          mitigation:
            'The Secretariat of the Partnership and Coordinators are able to anticipate risk and either avert problems before they arise or implement mediation strategies to resolve them quickly. This is, for instance, done by a regular update on progress, setting up monitoring calls with co-leaders and active outreach to members.',
          source: '2.5.7',
        },
      ],
    },

    // =====================================================================================
    // Action 3 — Disinformation (section 2.6)
    // =====================================================================================
    {
      number: 3,
      shortName: 'Disinformation',
      title: 'Combating migration disinformation, hate speech and discrimination',
      objective: 'Understanding and addressing the impact of disinformation and hate speech on local, regional and national institutions',
      // 2.6.1 is left blank in the source.
      pillar: null,
      governanceLevels: ['Local', 'Regional', 'National'],
      deadline: '2027-03-31',
      source: '2.6',
      coLeaders: ['aer', 'flanders'],
      members: [
        'catalonia',
        'jrc',
        'croix-rouge-francaise',
        'committee-of-the-regions',
        'ashoka-hello-europe',
        'egmont-institute',
        'fuenlabrada',
        'nova-onlus',
        'expert-group-views-of-migrants',
        'amsterdam',
        'basque-government',
      ],
      // "Assembly of the Regions members" and "Eurocities members" are the networks' members, not
      // the networks (AER co-leads this Action): they stay in the stakeholder note only.
      externalStakeholders: ['cemr', 'expert-group-views-of-migrants'],
      stakeholderNotes: [
        'Assembly of the Regions members, Eurocities members, Council of European local and regional authorities, Expert group on the views of migrants',
      ],
      milestones: [
        {
          key: 'a3-self-assessment',
          title: 'Institutional Self Assessment',
          window: { text: '2025', start: '2025-01-01', end: '2025-12-31', precision: 'year' },
          tentative: false,
          source: '2.6.9',
          notes: [
            {
              kind: 'inconsistency',
              text: 'The plan gives "Institutional Self Assessment: 2025", but its steps run to "March — April 2026" ("Extraction of the information and analysis") after a survey disseminated "November — February 2026". The plan\'s words are kept; for warnings the tracker uses its steps\' dates, to April 2026.',
              source: '2.6.9',
            },
          ],
          alternatives: [],
          children: [
            {
              key: 'a3-self-assessment-preparation',
              title: 'Preparation of the self-assessment',
              window: { text: 'June — October 2025', start: '2025-06-01', end: '2025-10-31', precision: 'month' },
              tentative: false,
              source: '2.6.9',
              alternatives: [
                {
                  text: 'April —June 2025',
                  start: '2025-04-01',
                  end: '2025-06-30',
                  precision: 'month',
                  source: 'Annex 1',
                },
              ],
              children: [],
            },
            {
              key: 'a3-survey-dissemination',
              title: 'Dissemination of the survey',
              window: { text: 'November — February 2026', start: '2025-11-01', end: '2026-02-28', precision: 'month' },
              tentative: false,
              source: '2.6.9',
              alternatives: [
                {
                  text: 'July — October 2025',
                  start: '2025-07-01',
                  end: '2025-10-31',
                  precision: 'month',
                  source: 'Annex 1',
                },
              ],
              children: [],
            },
            {
              key: 'a3-analysis',
              title: 'Extraction of the information and analysis',
              window: { text: 'March — April 2026', start: '2026-03-01', end: '2026-04-30', precision: 'month' },
              tentative: false,
              source: '2.6.9',
              alternatives: [
                {
                  text: 'November — December 2025',
                  start: '2025-11-01',
                  end: '2025-12-31',
                  precision: 'month',
                  source: 'Annex 1',
                },
              ],
              children: [],
            },
          ],
        },
        {
          key: 'a3-guidelines',
          title: 'Guideline and recommendation development',
          window: { text: '2026', start: '2026-01-01', end: '2026-12-31', precision: 'year' },
          tentative: false,
          source: '2.6.9',
          alternatives: [],
          children: [
            {
              key: 'a3-guidelines-development',
              title: 'Development of a guidelines based on the self-assessment results and collection of good practices',
              window: { text: 'May - July 2026', start: '2026-05-01', end: '2026-07-31', precision: 'month' },
              tentative: false,
              source: '2.6.9',
              notes: [
                {
                  kind: 'reading',
                  text: 'Annex 1 lists "Creation of the guidance material: January — April 2026" under "Capacity Building: 2026", not under a phase of guideline development. The tracker reads it as the same work as this step of 2.6.9 ("May - July 2026") and keeps its dates as the other reading.',
                  source: 'Annex 1, 2.6.9',
                },
              ],
              alternatives: [
                // Annex 1: "Creation of the guidance material: January - April 2026".
                {
                  text: 'January — April 2026',
                  start: '2026-01-01',
                  end: '2026-04-30',
                  precision: 'month',
                  source: 'Annex 1',
                },
              ],
              children: [],
            },
          ],
        },
        {
          key: 'a3-capacity-building',
          title: 'Capacity Building',
          // "2026 - 2027" names years only; the phase and its last step end in March 2027 (see notes).
          window: { text: '2026 - 2027', start: '2026-01-01', end: '2027-03-31', precision: 'year' },
          tentative: false,
          source: '2.6.9',
          notes: [
            {
              kind: 'derived',
              text: 'The plan gives "2026 - 2027", years only. Its last step, "Test the tools in an Urban Academy edition or another online or hybrid format", runs "January - March 2027", and the Action\'s deadline is "March 2027" (the current phase "will draw to a close in March 2027"), so it is read as ending by 31 March 2027; for warnings the tracker uses its steps\' dates, to March 2027.',
              source: '2.6, 2.6.9, 5',
            },
          ],
          alternatives: [
            {
              text: '2026',
              start: '2026-01-01',
              end: '2026-12-31',
              precision: 'year',
              source: 'Annex 1',
            },
          ],
          children: [
            {
              key: 'a3-guidelines-set',
              title: 'Utilisation of the findings and analysis from the previous step to produce a set of guidelines',
              window: { text: 'September — December 2026', start: '2026-09-01', end: '2026-12-31', precision: 'month' },
              tentative: false,
              source: '2.6.9',
              alternatives: [],
              children: [],
            },
            {
              key: 'a3-capacity-building-test',
              title: 'Test the tools in an Urban Academy edition or another online or hybrid format',
              window: {
                text: 'January — March 2027, format tbd',
                start: '2027-01-01',
                end: '2027-03-31',
                precision: 'month',
              },
              tentative: false,
              source: '2.6.9',
              alternatives: [],
              children: [],
            },
            // Only in Annex 1 (under "Capacity Building: 2026"); no counterpart in 2.6.9.
            {
              key: 'a3-annex1-guidance-dissemination',
              title: 'Dissemination of guidance material',
              window: { text: 'May - July 2026', start: '2026-05-01', end: '2026-07-31', precision: 'month' },
              tentative: false,
              source: 'Annex 1',
              notes: [
                {
                  kind: 'annex_only',
                  text: 'Annex 1 only: Annex 1 lists "Dissemination of guidance material: May - July 2026" under "Capacity Building: 2026". Section 2.6.9, the plan of record, has no such step; its guideline development runs in the same months. Shown, but warned about only if someone sets an expected end date.',
                  source: 'Annex 1, 2.6.9',
                },
              ],
              alternatives: [],
              children: [],
            },
            {
              key: 'a3-annex1-evaluation-recommendations',
              title: 'Evaluation and recommendations',
              window: { text: 'September — December 2026', start: '2026-09-01', end: '2026-12-31', precision: 'month' },
              tentative: false,
              source: 'Annex 1',
              notes: [
                {
                  kind: 'annex_only',
                  text: 'Annex 1 only: Annex 1 lists "Evaluation and recommendations: September - December 2026" under "Capacity Building: 2026". Section 2.6.9, the plan of record, has no such step; its set of guidelines is produced in the same months. Shown, but warned about only if someone sets an expected end date.',
                  source: 'Annex 1, 2.6.9',
                },
              ],
              alternatives: [],
              children: [],
            },
          ],
        },
      ],
      outputs: [
        {
          key: 'a3-out-questionnaire',
          title: 'Self-assessment questionnaire',
          due: null,
          tentative: false,
          source: '2.6.10',
          deriveDueFromMilestones: true,
          notes: [
            {
              kind: 'derived',
              text: 'The plan gives no due date of its own (2.6.10). The window shown is borrowed from the step "Preparation of the self-assessment" (2.6.9), which the plan words "June — October 2025".',
              source: '2.6.9, 2.6.10',
            },
          ],
          milestoneKeys: ['a3-self-assessment-preparation'],
        },
        {
          key: 'a3-out-analysis-recommendations',
          title: 'Analysis and recommendations',
          due: null,
          tentative: false,
          source: '2.6.10',
          deriveDueFromMilestones: true,
          dueFrom: ['a3-guidelines'],
          notes: [
            {
              kind: 'derived',
              text: 'The plan gives no due date of its own (2.6.10). The window shown is borrowed from the step "Guideline and recommendation development" (2.6.9), which the plan words "2026".',
              source: '2.6.9, 2.6.10',
            },
            {
              kind: 'inconsistency',
              text: 'The plan places the analysis in different years. The intermediary timeline of Action 3 has "Analysis and Recommendations: 2026". Section 2.6.9 and Annex 1 put "Extraction of the information and analysis" under the "Institutional Self Assessment: 2025" (2.6.9: "March — April 2026"; Annex 1: "November — December 2025"). The due window follows 2.6.9: 2026.',
              source: '2.6 intermediary timeline, 2.6.9, Annex 1',
            },
          ],
          milestoneKeys: ['a3-analysis', 'a3-guidelines'],
        },
        {
          key: 'a3-out-guidelines',
          title: 'Resulting guidelines',
          due: null,
          tentative: false,
          source: '2.6.10',
          deriveDueFromMilestones: true,
          dueFrom: ['a3-guidelines-set'],
          notes: [
            {
              kind: 'derived',
              text: 'The plan gives no due date of its own (2.6.10). The window shown is borrowed from the step "Utilisation of the findings and analysis from the previous step to produce a set of guidelines" (2.6.9), which the plan words "September — December 2026".',
              source: '2.6.9, 2.6.10',
            },
          ],
          milestoneKeys: ['a3-guidelines-development', 'a3-guidelines-set'],
        },
        {
          key: 'a3-out-capacity-building',
          title: 'Capacity building delivery/testing',
          due: null,
          tentative: false,
          source: '2.6.10',
          deriveDueFromMilestones: true,
          notes: [
            {
              kind: 'derived',
              text: 'The plan gives no due date of its own (2.6.10). The window shown is borrowed from the step "Test the tools in an Urban Academy edition or another online or hybrid format" (2.6.9), which the plan words "January — March 2027, format tbd".',
              source: '2.6.9, 2.6.10',
            },
          ],
          milestoneKeys: ['a3-capacity-building-test'],
        },
      ],
      targets: [
        {
          key: 'a3-target-regions-departments',
          description: '10 regions - 3 departments per region',
          source: '2.6.9',
        },
      ],
      risks: [
        {
          key: 'a3-risk-objectives-not-met',
          title: 'Members do not meet the objectives',
          description:
            'Risks of this Action are that members do not meet the objectives due to inactive participation in the group or a delay in the implementation of activities.',
          causes: ['inactive participation in the group', 'a delay in the implementation of activities'],
          mitigation:
            'The Secretariat of the Partnership and Coordinators are able to anticipate risk and either avert problems before they arise or implement mediation strategies to resolve them quickly. This is, for instance, done by a regular update on progress, setting up monitoring calls with co-leaders and active outreach to members.',
          source: '2.6.7',
        },
      ],
    },

    // =====================================================================================
    // Action 4 — Funds (section 2.7)
    // =====================================================================================
    {
      number: 4,
      shortName: 'Funds',
      title: 'Increasing coherence between EU funds on integration to better align funding support with the reality on the ground',
      objective:
        'Explore how local governments can access existing funding to leverage funding programmes for the needs on the ground, including against the backdrop of the upcoming MFF 2028-2034 cycle',
      pillar: 'Better Funding',
      governanceLevels: ['EU', 'National', 'Regional'],
      deadline: '2027-03-31',
      source: '2.7',
      coLeaders: ['eurocities', 'ceb'],
      members: [
        'barcelona',
        'berlin',
        'bologna',
        'fuenlabrada',
        'milan',
        'basque-government',
        'catalonia',
        'flanders',
        'sardinia',
        'italy',
        'committee-of-the-regions',
        'expert-group-views-of-migrants',
        'croix-rouge-francaise',
        'ashoka-hello-europe',
        'nova-onlus',
        'mareena',
      ],
      externalStakeholders: ['european-commission'],
      stakeholderNotes: [
        'Relevant officers at the European Commission will be invited to participate in discussions with Action group members on how the MFF is being shaped',
        'The visit will be organised in collaboration with the Eurocities Working Group on Migration and Integration, and/or alongside a Partnership plenary meeting.',
      ],
      milestones: [
        {
          key: 'a4-ceb-support',
          title: 'Tailored support from CEB',
          window: { text: 'June 2025-December 2026', start: '2025-06-01', end: '2026-12-31', precision: 'month' },
          tentative: false,
          source: '2.7.9',
          alternatives: [
            {
              text: '2025-2026',
              start: '2025-01-01',
              end: '2026-12-31',
              precision: 'year',
              source: 'Annex 1',
            },
          ],
          children: [],
        },
        {
          key: 'a4-collection-of-practices',
          title: 'Collection of practices',
          window: { text: 'June-December 2025', start: '2025-06-01', end: '2025-12-31', precision: 'month' },
          tentative: false,
          source: '2.7.9',
          notes: [
            {
              kind: 'inconsistency',
              text: 'The plan gives "Collection of practices: June-December 2025", but lists among its steps "Capacity building elements and dissemination activities to be developed: 2026 (tbd)". The plan\'s words are kept; for warnings the tracker uses its steps\' dates, to December 2026.',
              source: '2.7.9',
            },
          ],
          alternatives: [
            {
              text: 'June 2025-April 2026',
              start: '2025-06-01',
              end: '2026-04-30',
              precision: 'month',
              source: '2.7 intermediary timeline',
            },
          ],
          children: [
            {
              key: 'a4-practices-focus',
              title: 'The focus of the collection of practices to be refined',
              window: { text: 'June', start: '2025-06-01', end: '2025-06-30', precision: 'month' },
              tentative: false,
              source: '2.7.9',
              alternatives: [],
              children: [],
            },
            {
              key: 'a4-practices-report-draft',
              title: 'Report with practices to be drafted',
              window: { text: 'June-October', start: '2025-06-01', end: '2025-10-31', precision: 'month' },
              tentative: false,
              source: '2.7.9',
              alternatives: [],
              children: [],
            },
            {
              key: 'a4-practices-report-update',
              title: 'Report to be updated with outcomes of the study visit',
              window: { text: 'October', start: '2025-10-01', end: '2025-10-31', precision: 'month' },
              tentative: false,
              source: '2.7.9',
              alternatives: [],
              children: [],
            },
            {
              key: 'a4-practices-report-review',
              title: 'Report to be reviewed and validated by Action group members',
              window: { text: 'November-December', start: '2025-11-01', end: '2025-12-31', precision: 'month' },
              tentative: false,
              source: '2.7.9',
              alternatives: [],
              children: [],
            },
            {
              key: 'a4-practices-capacity-building',
              title: 'Capacity building elements and dissemination activities to be developed',
              window: { text: '2026 (tbd)', start: '2026-01-01', end: '2026-12-31', precision: 'year' },
              tentative: false,
              source: '2.7.9',
              alternatives: [],
              children: [],
            },
          ],
        },
        {
          key: 'a4-study-visit',
          title: 'Study visit',
          window: { text: 'October 2025', start: '2025-10-01', end: '2025-10-31', precision: 'month' },
          tentative: false,
          source: '2.7.9',
          alternatives: [
            {
              text: 'September-October 2025',
              start: '2025-09-01',
              end: '2025-10-31',
              precision: 'month',
              source: '2.7 intermediary timeline',
            },
          ],
          children: [],
        },
        {
          key: 'a4-ec-exchanges',
          title: 'Ad-hoc exchanges with the European Commission',
          window: { text: 'June 2025-December 2026', start: '2025-06-01', end: '2026-12-31', precision: 'month' },
          tentative: false,
          source: '2.7.9',
          alternatives: [
            {
              text: '2025-2026',
              start: '2025-01-01',
              end: '2026-12-31',
              precision: 'year',
              source: 'Annex 1',
            },
          ],
          children: [],
        },
      ],
      outputs: [
        {
          key: 'a4-out-practices-report',
          title: 'Report on collection of practices',
          due: null,
          tentative: false,
          source: '2.7.10',
          deriveDueFromMilestones: true,
          notes: [
            {
              kind: 'derived',
              text: 'The plan gives no due date of its own (2.7.10). The window shown is borrowed from the step "Collection of practices" (2.7.9), which the plan words "June-December 2025".',
              source: '2.7.9, 2.7.10',
            },
            {
              kind: 'inconsistency',
              text: 'The intermediary timeline of Action 4 gives "Collection of practices: June 2025-April 2026"; section 2.7.9 gives "June-December 2025". The report is shown as due by December 2025, as in 2.7.9; by the intermediary timeline it would be due by April 2026.',
              source: '2.7 intermediary timeline, 2.7.9',
            },
          ],
          milestoneKeys: ['a4-collection-of-practices'],
        },
        {
          key: 'a4-out-capacity-building',
          title: 'Capacity building',
          due: null,
          tentative: false,
          source: '2.7.10',
          deriveDueFromMilestones: true,
          notes: [
            {
              kind: 'derived',
              text: 'The plan gives no due date of its own (2.7.10). The window shown is borrowed from the step "Capacity building elements and dissemination activities to be developed" (2.7.9), which the plan words "2026 (tbd)".',
              source: '2.7.9, 2.7.10',
            },
          ],
          milestoneKeys: ['a4-practices-capacity-building'],
        },
        {
          key: 'a4-out-communication',
          title: 'Social media posts & other communication activities',
          due: null,
          tentative: false,
          source: '2.7.10',
          ongoing: true,
          notes: [
            {
              kind: 'derived',
              text: 'The plan gives no date for "Social media posts & other communication activities": communication runs throughout the Action. The tracker shows it as ongoing from the Action\'s first step (June 2025) to its deadline, March 2027, and never warns about it for lack of a date.',
              source: '2.7.9, 2.7.10',
            },
          ],
          milestoneKeys: [],
        },
      ],
      targets: [],
      risks: [
        {
          key: 'a4-risk-objectives-not-met',
          title: 'Members do not meet the objectives',
          description:
            'Risks of this Action are that members do not meet the objectives due to inactive participation in the group or a delay in the implementation of activities.',
          causes: ['inactive participation in the group', 'a delay in the implementation of activities'],
          mitigation:
            'The Secretariat of the Partnership and Coordinators are able to anticipate risk and either avert problems before they arise or implement mediation strategies to resolve them quickly. This is, for instance, done by a regular update on progress, setting up monitoring calls with co-leaders and active outreach to members.',
          source: '2.7.7',
        },
      ],
    },
  ],
};
