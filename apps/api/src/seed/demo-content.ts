/**
 * Demo seed content for Peerdesk: a fictional broadband / TV / mobile provider,
 * "Brightwave", with a small but realistic customer community.
 *
 * Pure data, no side effects. The seeder turns `hoursAgo` / `hoursAfterQuestion` into timestamps
 * relative to "now" when it runs, and runs the escalation sweep as its clock moves, so questions the
 * community leaves alone go to staff by timeout. These are the last ~40 days, including what the
 * consoles have to do "now"; demo-history.ts generates the year before them.
 *
 * People who sign in are in demo-accounts.ts (DEMO_ACCOUNTS); `users` here are everyone else.
 */

import type { TrustLevel } from '@peerdesk/domain';

export interface DemoUser {
  key: string;
  displayName: string;
  email: string;
  role: 'MEMBER' | 'MODERATOR' | 'STAFF' | 'MANAGER';
  affiliation: 'COMMUNITY' | 'EMPLOYEE';
  /** The level a year in the community would have earned; unset: MEMBER. */
  trustLevel?: TrustLevel;
}

export type DemoCategoryKey = 'broadband' | 'tv' | 'billing' | 'mobile';

export interface DemoCategory {
  key: DemoCategoryKey;
  name: string;
  slug: string;
  description: string;
  peerWindowHours: number;
  unsolvedWindowHours: number;
  staffResponseHours: number;
}

export interface DemoAnswer {
  /** DemoUser.key */
  by: string;
  hoursAfterQuestion: number;
  /** Markdown */
  body: string;
  accepted?: boolean;
  /** When the asker accepts it, in hours after it was posted; 2 unless said. */
  acceptedAfterHours?: number;
  /** User keys; never the answer's author. */
  upvotesFrom?: string[];
}

/**
 * What else happens to a question, each at its time: comments (on the question, or on its answer
 * number `onAnswer`), staff work on its escalation, a moderator marking it a duplicate of the question
 * whose `ref` is `originalRef`.
 */
export type DemoAction =
  | { kind: 'comment'; by: string; hoursAfterQuestion: number; body: string; onAnswer?: number }
  | { kind: 'claim'; by: string; hoursAfterQuestion: number }
  | { kind: 'needsInfo'; by: string; hoursAfterQuestion: number; note: string }
  | { kind: 'returnToCommunity'; by: string; hoursAfterQuestion: number; reason: string }
  | { kind: 'markDuplicate'; by: string; hoursAfterQuestion: number; originalRef: string };

export interface DemoQuestion {
  /** Names the question for a DemoAction (a duplicate's original). */
  ref?: string;
  category: DemoCategoryKey;
  /** DemoUser.key */
  askedBy: string;
  hoursAgo: number;
  title: string;
  /** Markdown */
  body: string;
  tags: string[];
  /** User keys; never the asker. */
  upvotesFrom?: string[];
  answers: DemoAnswer[];
  actions?: DemoAction[];
  /** Anonymous reads, spread over the days after asking. */
  views?: number;
}

/** What people typed into search, and when: the manager's search gaps are the ones that found little. */
export interface DemoSearch {
  query: string;
  hoursAgo: number[];
}

export interface DemoCommunity {
  users: DemoUser[];
  categories: DemoCategory[];
  questions: DemoQuestion[];
  searches: DemoSearch[];
}

export const DEMO_COMMUNITY: DemoCommunity = {
  users: [
    // Community superusers (with aoife, who signs in)
    { key: 'ciaran', displayName: 'Ciarán Doyle', email: 'ciaran@example.com', role: 'MEMBER', affiliation: 'COMMUNITY', trustLevel: 'REGULAR' },
    { key: 'gemma', displayName: 'Gemma Whitfield', email: 'gemma@example.com', role: 'MEMBER', affiliation: 'COMMUNITY', trustLevel: 'REGULAR' },
    // Other community members
    { key: 'declan', displayName: 'Declan Murphy', email: 'declan@example.com', role: 'MEMBER', affiliation: 'COMMUNITY' },
    { key: 'tom', displayName: 'Tom Hargreaves', email: 'tom@example.com', role: 'MEMBER', affiliation: 'COMMUNITY' },
    { key: 'priya', displayName: 'Priya Nair', email: 'priya@example.com', role: 'MEMBER', affiliation: 'COMMUNITY' },
    { key: 'eoin', displayName: 'Eoin Gallagher', email: 'eoin@example.com', role: 'MEMBER', affiliation: 'COMMUNITY' },
    { key: 'rachel', displayName: 'Rachel Okafor', email: 'rachel@example.com', role: 'MEMBER', affiliation: 'COMMUNITY' },
    { key: 'liam', displayName: 'Liam Fitzgerald', email: 'liam@example.com', role: 'MEMBER', affiliation: 'COMMUNITY' },
    { key: 'maeve', displayName: 'Maeve Connolly', email: 'maeve@example.com', role: 'MEMBER', affiliation: 'COMMUNITY' },
    { key: 'oisin', displayName: 'Oisín Walsh', email: 'oisin@example.com', role: 'MEMBER', affiliation: 'COMMUNITY' },
    { key: 'hannah', displayName: 'Hannah Price', email: 'hannah@example.com', role: 'MEMBER', affiliation: 'COMMUNITY' },
    { key: 'kevin', displayName: 'Kevin Moran', email: 'kevin@example.com', role: 'MEMBER', affiliation: 'COMMUNITY' },
    { key: 'zofia', displayName: 'Zofia Nowak', email: 'zofia@example.com', role: 'MEMBER', affiliation: 'COMMUNITY' },
    { key: 'paddy', displayName: 'Paddy Keane', email: 'paddy@example.com', role: 'MEMBER', affiliation: 'COMMUNITY' },
    { key: 'grace', displayName: 'Grace Adeyemi', email: 'grace@example.com', role: 'MEMBER', affiliation: 'COMMUNITY' },
    { key: 'niall', displayName: 'Niall Dunne', email: 'niall@example.com', role: 'MEMBER', affiliation: 'COMMUNITY' },
    { key: 'chloe', displayName: 'Chloe Barrett', email: 'chloe@example.com', role: 'MEMBER', affiliation: 'COMMUNITY' },
    { key: 'marcus', displayName: 'Marcus Lee', email: 'marcus@example.com', role: 'MEMBER', affiliation: 'COMMUNITY' },
    // Brightwave employees (with niamh and sarah, who sign in)
    { key: 'conor', displayName: 'Conor (Brightwave Support)', email: 'conor@example.com', role: 'STAFF', affiliation: 'EMPLOYEE' },
  ],

  categories: [
    {
      key: 'broadband',
      name: 'Broadband & Wi-Fi',
      slug: 'broadband',
      description: 'Connection problems, speeds, the Brightwave Hub, Wi-Fi Pods and home networking.',
      peerWindowHours: 24,
      unsolvedWindowHours: 72,
      staffResponseHours: 4,
    },
    {
      key: 'tv',
      name: 'TV & Streaming',
      slug: 'tv',
      description: 'The BW-360 TV box, channels and the guide, recordings, apps and the Brightwave Go app.',
      peerWindowHours: 24,
      unsolvedWindowHours: 72,
      staffResponseHours: 8,
    },
    {
      key: 'billing',
      name: 'Billing & Account',
      slug: 'billing',
      description: 'Bills, payments, contracts, My Account and moving house.',
      peerWindowHours: 12,
      unsolvedWindowHours: 72,
      staffResponseHours: 4,
    },
    {
      key: 'mobile',
      name: 'Mobile',
      slug: 'mobile',
      description: 'Brightwave Mobile: SIMs and eSIMs, number porting, data, roaming, signal and phones.',
      peerWindowHours: 24,
      unsolvedWindowHours: 72,
      staffResponseHours: 4,
    },
  ],

  questions: [
    // ───────────────────────────── Broadband & Wi-Fi ─────────────────────────────

    // Peer-solved (superuser)
    {
      ref: 'hub5-dfs',
      category: 'broadband',
      askedBy: 'siobhan',
      hoursAgo: 610,
      title: 'Hub 5 keeps dropping 5GHz every evening',
      body:
        "Every evening somewhere between 7 and 10pm the 5GHz network on my Hub 5 just disappears for a minute or two, then comes back. The 2.4GHz network stays up the whole time. I've rebooted the hub and moved it off the floor onto a shelf, no change.\n\n" +
        '- Firmware: `7.2.14`\n' +
        '- 5GHz channel set to Auto\n' +
        '- About 15 devices connected, two laptops on Teams calls most evenings\n\n' +
        'Anyone else seeing this?',
      tags: ['hub-5', 'wifi', '5ghz', 'dropouts'],
      upvotesFrom: ['declan', 'tom', 'priya'],
      answers: [
        {
          by: 'tom',
          hoursAfterQuestion: 1.5,
          body: 'Mine did something similar and a factory reset (pin in the back for 30 seconds) sorted it for about a week. Might be worth a go if nothing else works.',
        },
        {
          by: 'ciaran',
          hoursAfterQuestion: 3.2,
          accepted: true,
          body:
            "Classic DFS behaviour. On Auto the Hub 5 often picks a DFS channel (52–144), and when it detects radar (or something it *thinks* is radar) it has to vacate the channel for 60 seconds — that's your drop.\n\n" +
            'Go to `192.168.0.1` > **Wi-Fi** > **5GHz** and set the channel manually to 36, 40, 44 or 48 (non-DFS), keeping 80MHz width. You can confirm it in **Status > Event log**, which will show `DFS radar detected` around the time of each drop.',
          upvotesFrom: ['siobhan', 'gemma', 'aoife', 'fergal'],
        },
      ],
    },

    // Staff-solved (after an incomplete peer answer)
    {
      category: 'broadband',
      askedBy: 'tom',
      hoursAgo: 820,
      title: 'Static IP for home office — available on residential fibre?',
      body:
        "I work from home and need a static IPv4 address so our company's firewall can whitelist me for VPN access. I'm on Fibre 500 (residential) and can't see anything about it in My Account. Is this possible without switching to a business plan, and what does it cost?",
      tags: ['static-ip', 'fibre', 'home-office'],
      upvotesFrom: ['liam', 'priya'],
      answers: [
        {
          by: 'aoife',
          hoursAfterQuestion: 2.1,
          body:
            "As far as I know static IPs are Business-only. In the meantime you could use a dynamic DNS service like DuckDNS — your IP doesn't actually change that often on fibre, and your IT team may be able to whitelist a hostname instead of an IP.",
          upvotesFrom: ['tom'],
        },
        {
          by: 'niamh',
          hoursAfterQuestion: 26.5,
          accepted: true,
          body:
            "Hi Tom, a static IPv4 address is available as an add-on for residential Fibre 500 and Fibre 1000 customers: €5 a month, with no extra contract term. It isn't self-service in My Account yet, so I've sent you a private message to confirm a couple of details and I'll add it for you.\n\n" +
            'Once it has been provisioned (usually within 24 hours), restart your Hub 5 and the new address will show under **Status > Internet**. It works in both router mode and modem mode.',
          upvotesFrom: ['tom', 'aoife', 'liam'],
        },
      ],
    },

    // Peer-solved (superuser)
    {
      category: 'broadband',
      askedBy: 'declan',
      hoursAgo: 450,
      title: 'Wired speed stuck at ~94Mbps on Fibre 500',
      body:
        'Speed tests over Wi-Fi on my phone show around 350Mbps, but my desktop, which is plugged straight into the Hub 5, never gets above 94Mbps. ' +
        "I've tried two different speed test sites and restarted both the PC and the hub. The PC is only a couple of years old. Is the hub limiting wired connections?",
      tags: ['speed', 'ethernet', 'hub-5', 'fibre'],
      upvotesFrom: ['tom'],
      answers: [
        {
          by: 'gemma',
          hoursAfterQuestion: 0.8,
          accepted: true,
          body:
            "94Mbps is the giveaway — that's the real-world ceiling of a 100Mbps link, so your Ethernet connection is negotiating Fast Ethernet instead of Gigabit. It's nearly always the cable: an old Cat5 one, or one with a damaged wire (Gigabit needs all four pairs, 100Mbps only uses two).\n\n" +
            'Check the link speed in **Settings > Network & internet > Ethernet** on Windows, then swap in a Cat5e or Cat6 cable and try a different port on the hub. If it shows `1000/1000 (Mbps)` afterwards you are sorted.',
          upvotesFrom: ['declan', 'ciaran', 'tom'],
        },
        {
          by: 'eoin',
          hoursAfterQuestion: 5,
          body: "Also worth checking that the adapter's **Speed & Duplex** setting in Device Manager is on `Auto Negotiation` and not forced to `100 Mbps Full Duplex`.",
          upvotesFrom: ['gemma'],
        },
      ],
    },

    // Staff-solved (after an unhelpful peer answer)
    {
      category: 'broadband',
      askedBy: 'rachel',
      hoursAgo: 300,
      title: 'Red light on Hub 5 after power cut — error E-2104',
      body:
        'We had a power cut last night and since the power came back my Hub 5 has a solid red light and no internet. The admin page shows `E-2104: WAN authentication failed`.\n\n' +
        "I've turned everything off for 10 minutes, checked that the fibre cable from the wall box is clicked in, and tried a different socket. The light on the wall box (ONT) is green.",
      tags: ['hub-5', 'outage', 'error-code', 'e-2104'],
      upvotesFrom: ['siobhan'],
      answers: [
        {
          by: 'liam',
          hoursAfterQuestion: 1.2,
          body: "Try a factory reset — hold the reset button for 30 seconds until the lights flash. It'll wipe your Wi-Fi name and password though, so note them first.",
        },
        {
          by: 'conor',
          hoursAfterQuestion: 21,
          accepted: true,
          body:
            "Hi Rachel, sorry about the hassle. `E-2104` means the hub reached our network but its authentication session was rejected — after a power cut the old session can stay stuck on our side, which is why a factory reset won't help. I've cleared the session on your line and re-pushed your hub profile.\n\n" +
            "Please power the Hub 5 off for 30 seconds and back on; the light should turn white within about 5 minutes. If it's still red, reply here and I'll book an engineer at no charge.",
          upvotesFrom: ['rachel', 'fergal'],
        },
      ],
    },

    // Self-solved
    {
      category: 'broadband',
      askedBy: 'liam',
      hoursAgo: 700,
      title: 'Port forwarding for Plex stopped working on Hub 4',
      body:
        "I had port `32400` forwarded to my Plex server on the Hub 4 and remote access worked fine for months. Since last weekend Plex says 'Not available outside your network'. " +
        "The rule is still on the hub's **Port Forwarding** page and the server works fine on the LAN. Nothing changed on my end that I know of.",
      tags: ['hub-4', 'port-forwarding', 'plex'],
      answers: [
        {
          by: 'eoin',
          hoursAfterQuestion: 4,
          body:
            "Check whether you've been moved onto CGNAT: compare the WAN IP on the hub's status page with what whatismyip.com shows. If they differ (or the hub shows a `100.64.x.x` address) port forwarding won't work and you'll need to ask support for a public IP.",
          upvotesFrom: ['liam'],
        },
        {
          by: 'liam',
          hoursAfterQuestion: 9.5,
          accepted: true,
          body:
            "Thanks Eoin — checked and the WAN IP matches, so it's not CGNAT. Turns out we had a power blip and the Plex box came back with a new DHCP address (`.23` instead of `.50`), so the rule was pointing at nothing.\n\n" +
            "I've added a DHCP reservation under **Advanced > LAN > Address reservation** so it always gets `.50`, and remote access is green again.",
          upvotesFrom: ['eoin', 'ciaran'],
        },
      ],
    },

    // Peer-solved (volunteer moderator)
    {
      category: 'broadband',
      askedBy: 'priya',
      hoursAgo: 380,
      title: "Smart plugs won't reconnect after Hub 5 firmware update",
      body:
        'Since the Hub 5 updated itself to firmware `7.2.14` last week, none of my smart plugs (TP-Link Tapo P100) or my Ring doorbell will connect. Phones and laptops are fine. ' +
        "I've tried re-adding the plugs in the Tapo app and it fails at the 'Connecting to Wi-Fi' step every time.",
      tags: ['hub-5', 'smart-home', 'firmware', '2-4ghz'],
      upvotesFrom: ['siobhan', 'rachel'],
      answers: [
        {
          by: 'gemma',
          hoursAfterQuestion: 2,
          body: 'Is your Wi-Fi one combined network name for both bands? A lot of cheap IoT kit gets confused by that.',
        },
        {
          by: 'fergal',
          hoursAfterQuestion: 3.4,
          accepted: true,
          body:
            "That firmware switched the default security to **WPA2/WPA3 transition mode**, and a lot of 2.4GHz-only devices (the P100 included) can't join a network that advertises WPA3. Two changes fix it:\n\n" +
            '1. **Wi-Fi > Security**: set it to `WPA2-Personal (AES)` only.\n' +
            '2. **Wi-Fi > Smart Wi-Fi**: turn off band steering, or give 2.4GHz its own name (e.g. `Home-2G`) and join the plugs to that.\n\n' +
            'After saving, power-cycle the plugs and they should reconnect on their own.',
          upvotesFrom: ['priya', 'gemma', 'siobhan', 'ciaran'],
        },
      ],
    },

    // Peer-solved (superuser)
    {
      category: 'broadband',
      askedBy: 'eoin',
      hoursAgo: 900,
      title: 'Can I use my own router instead of the Hub 5?',
      body:
        "I've got an ASUS RT-AX86U that I'd rather use as my main router — better Wi-Fi, and I want to use its VPN server. Is this allowed on Brightwave fibre, and if so what settings do I need? I'd like to avoid double NAT.",
      tags: ['hub-5', 'third-party-router', 'modem-mode'],
      upvotesFrom: ['tom', 'declan'],
      answers: [
        {
          by: 'aoife',
          hoursAfterQuestion: 1.1,
          accepted: true,
          body:
            'Yes, it is allowed and works well. Put the Hub 5 into modem mode under **Advanced > Router mode > Modem mode**; it reboots as a pure bridge with its Wi-Fi switched off. Plug the ASUS WAN port into **Ethernet port 1** on the hub, as only port 1 passes traffic in modem mode.\n\n' +
            'On the ASUS set the WAN type to **Automatic IP (DHCP)** (no VLAN needed) and power-cycle both. Your public IP lands on the ASUS, so no double NAT. To reach the hub afterwards, browse to `192.168.100.1`.',
          upvotesFrom: ['eoin', 'tom', 'ciaran', 'fergal'],
        },
        {
          by: 'tom',
          hoursAfterQuestion: 6,
          body: 'Did exactly this with a Netgear, can confirm. The only gotcha is that support will ask you to put the hub back into router mode if you ring them with a fault.',
          upvotesFrom: ['aoife'],
        },
      ],
    },

    // Peer-solved (superuser)
    {
      category: 'broadband',
      askedBy: 'siobhan',
      hoursAgo: 150,
      title: "Brightwave Wi-Fi Pod won't pair — flashing orange",
      body:
        'I got a Wi-Fi Pod delivered to help the signal upstairs. The setup guide says to plug it in next to the hub and press the WPS button, but it just flashes orange forever. ' +
        "I've tried three times and unplugged it between attempts.",
      tags: ['wifi-pod', 'mesh', 'pairing'],
      answers: [
        {
          by: 'gemma',
          hoursAfterQuestion: 1.6,
          accepted: true,
          body:
            "Flashing orange means it's waiting for a hub that isn't answering. On the Hub 5 the WPS button has to be **held for 3 seconds** (a quick press does nothing), then press the Pod's button within 2 minutes. If it still won't go, reset the Pod by holding the pin-hole reset for 10 seconds until it flashes blue, and try again.\n\n" +
            'Also check that **Wi-Fi > WPS** is enabled in the hub settings — some firmware versions ship with it off.',
          upvotesFrom: ['siobhan', 'rachel'],
        },
      ],
    },

    // Answered, not solved (peers only)
    {
      category: 'broadband',
      askedBy: 'liam',
      hoursAgo: 260,
      title: 'Latency spikes in online games every night around 9pm',
      body:
        "Ping to game servers is a steady 12–15ms all day, but from about 8:30pm to 11pm it jumps around between 40 and 200ms and I get rubber-banding in Apex. I'm wired to the Hub 5 on Fibre 500.\n\n" +
        "Evening speed tests still show 450Mbps+, so it's not bandwidth. Is the network congested at peak times?",
      tags: ['latency', 'gaming', 'peak-time', 'hub-5'],
      upvotesFrom: ['declan', 'eoin'],
      actions: [
        { kind: 'returnToCommunity', by: 'niamh', hoursAfterQuestion: 75, reason: 'Ciarán and Declan have the right checks (bufferbloat, the Wi-Fi channel); nothing is wrong on the line. Back to the community until the asker reports back.' },
      ],
      answers: [
        {
          by: 'ciaran',
          hoursAfterQuestion: 2.3,
          body:
            "Run the Waveform bufferbloat test at 9pm with nothing else using the connection. If the loaded latency looks fine, it's more likely congestion on one particular route than on your line. A `mtr` (or WinMTR) trace to the game server during a spike will show which hop it starts at, and that's what support will ask for.",
          upvotesFrom: ['liam', 'aoife'],
        },
        {
          by: 'declan',
          hoursAfterQuestion: 7,
          body: "Same here in Cork; I've been assuming it's the backhaul in our area getting busy. Weirdly, a VPN to a London server sometimes makes it better for me.",
        },
      ],
    },

    // Peer-solved (superuser)
    {
      category: 'broadband',
      askedBy: 'tom',
      hoursAgo: 520,
      title: 'IPv6 not working — test-ipv6.com shows 0/10',
      body:
        'I was told Brightwave supports IPv6, but test-ipv6.com gives me 0/10 and my devices only have `fe80::` link-local addresses. ' +
        "I'm on a Hub 4 with Fibre 150. Do I need to ask for it to be switched on?",
      tags: ['ipv6', 'hub-4'],
      answers: [
        {
          by: 'ciaran',
          hoursAfterQuestion: 1.4,
          accepted: true,
          body:
            "It's enabled on the network side, but the Hub 4 ships with IPv6 **off**. Go to **Advanced > IPv6**, tick **Enable IPv6**, set LAN mode to `SLAAC + Stateless DHCPv6`, then save and reboot.\n\n" +
            "You'll get a /56 prefix delegated, and test-ipv6.com should show 10/10 once your devices renew their addresses (toggle Wi-Fi off and on). The hub firewall blocks unsolicited inbound IPv6 by default, which is what you want.",
          upvotesFrom: ['tom', 'eoin', 'fergal'],
        },
      ],
    },

    // Unanswered (recent)
    {
      category: 'broadband',
      askedBy: 'rachel',
      hoursAgo: 30,
      title: 'Broadband dropping every few minutes since engineer visit',
      body:
        'An engineer came out on Tuesday to move the fibre wall box to another room. Since then the internet drops every 5–10 minutes for about 30 seconds, and the light on the new wall box flickers red briefly when it happens.\n\n' +
        'Is it worth waiting for it to settle, or should I ask for the engineer to come back?',
      tags: ['dropouts', 'engineer-visit', 'ont'],
      answers: [],
    },

    // Unanswered (recent)
    {
      category: 'broadband',
      askedBy: 'declan',
      hoursAgo: 66,
      title: 'DNS_PROBE_FINISHED_NXDOMAIN on some sites only',
      body:
        'Since yesterday a handful of sites (my bank and a couple of news sites) fail in Chrome with `DNS_PROBE_FINISHED_NXDOMAIN`, while everything else loads fine. ' +
        "It happens on every device on my Wi-Fi but not on mobile data. I haven't changed any DNS settings; the hub is on the defaults.",
      tags: ['dns', 'hub-5', 'websites'],
      upvotesFrom: ['siobhan'],
      actions: [
        { kind: 'claim', by: 'niamh', hoursAfterQuestion: 25 },
        { kind: 'comment', by: 'niamh', hoursAfterQuestion: 25.3, body: "Hi Declan, could you tell me two of the sites that fail, and whether they load after setting your laptop's DNS to `1.1.1.1`? That tells me whether it's our resolvers or the hub." },
        { kind: 'needsInfo', by: 'niamh', hoursAfterQuestion: 25.4, note: 'Asked for two failing sites and a test with 1.1.1.1 as DNS.' },
      ],
      answers: [],
    },

    // ───────────────────────────── TV & Streaming ─────────────────────────────

    // Peer-solved (superuser)
    {
      category: 'tv',
      askedBy: 'eoin',
      hoursAgo: 200,
      title: 'EPG missing channels after update',
      body:
        'My BW-360 box installed an update overnight (it now says software `4.18.2`) and the TV guide has lost about 20 channels, mostly the ones in the 200s. ' +
        "I can still tune to them by typing the number, but they're not in the guide and I can't set recordings from it. I've restarted the box twice.",
      tags: ['epg', 'bw-360', 'software-update', 'tv-guide'],
      upvotesFrom: ['rachel', 'liam', 'declan'],
      answers: [
        {
          by: 'aoife',
          hoursAfterQuestion: 2.7,
          accepted: true,
          body:
            'The 4.18 update rebuilds the channel list, and if that gets interrupted the guide data is left half-loaded. Go to **Settings > System > Reset guide data** (not a factory reset, your recordings are safe), then **Settings > Channels > Rescan**. It takes about 10 minutes and the guide fills in over the next hour.\n\n' +
            "If the 200s are still missing after that, check that **Settings > Channels > Favourites** isn't filtering the guide; the update turned that on for a few people.",
          upvotesFrom: ['eoin', 'gemma', 'siobhan'],
        },
        {
          by: 'rachel',
          hoursAfterQuestion: 4,
          body: "Had the same thing. The rescan on its own didn't work for me; it needed the guide data reset first, as Aoife says.",
          upvotesFrom: ['aoife'],
        },
      ],
    },

    // Staff-solved (after a partial peer answer)
    {
      category: 'tv',
      askedBy: 'declan',
      hoursAgo: 640,
      title: 'Error 1043 when playing recordings on BW-360',
      body:
        'Every recording I try to play gives `Error 1043 – Content unavailable`. Live TV works fine, and new recordings appear in the list with the right length; they just won\'t play.\n\n' +
        "The box is about 3 years old. Restarting it and pulling the plug hasn't helped.",
      tags: ['bw-360', 'recordings', 'error-code'],
      upvotesFrom: ['tom'],
      answers: [
        {
          by: 'gemma',
          hoursAfterQuestion: 3,
          body: "1043 usually means the recordings index on the hard drive is corrupt. Try **Settings > Storage > Repair recordings library**; it takes a while and doesn't always work, but it's worth a shot.",
          upvotesFrom: ['declan'],
        },
        {
          by: 'niamh',
          hoursAfterQuestion: 31,
          accepted: true,
          body:
            "Hi Declan, I checked your box remotely and the drive is reporting SMART errors, so the repair tool won't help this time: the disk is failing. I've arranged a replacement BW-360, free of charge, which will arrive within 3 working days with a prepaid return bag for the old one.\n\n" +
            "Unfortunately existing recordings can't be moved across, but your series links are stored on your account and will come back automatically on the new box.",
          upvotesFrom: ['declan', 'gemma'],
        },
      ],
    },

    // Peer-solved (volunteer moderator)
    {
      category: 'tv',
      askedBy: 'rachel',
      hoursAgo: 470,
      title: 'Netflix app missing from the BW-360 after factory reset',
      body:
        'I factory-reset my box to fix a freezing problem (which worked), but now Netflix, YouTube and Disney+ are all gone from the Apps row. ' +
        'The App Store section just shows a spinning circle. Do I have to reinstall them somehow?',
      tags: ['bw-360', 'apps', 'netflix', 'factory-reset'],
      answers: [
        {
          by: 'fergal',
          hoursAfterQuestion: 1.9,
          accepted: true,
          body:
            'After a factory reset the box has to re-register before the App Store loads, which can take up to an hour the first time. Leave it switched on (not in standby) and connected, then go to **Settings > System > Check for updates**, which forces the registration.\n\n' +
            "Once the App Store opens, the apps reinstall from **My Apps** and you'll just need to sign back in to each one.",
          upvotesFrom: ['rachel', 'aoife'],
        },
      ],
    },

    // Peer-solved (superuser, after a wrong guess)
    {
      category: 'tv',
      askedBy: 'tom',
      hoursAgo: 96,
      title: 'Remote control stopped working — box ignores every button',
      body:
        'My BW-360 remote has stopped working completely. The light on the remote flashes when I press a button, but the box does nothing. ' +
        'New batteries made no difference, and the buttons on the front of the box still work.',
      tags: ['remote-control', 'bw-360', 'pairing'],
      answers: [
        {
          by: 'liam',
          hoursAfterQuestion: 0.3,
          body: 'Could the IR sensor on the box be blocked by something? Ours stopped working when the kids left a toy in front of it.',
        },
        {
          by: 'gemma',
          hoursAfterQuestion: 1.3,
          accepted: true,
          body:
            "The BW-360 remote is Bluetooth, not IR, so it has to be paired to the box. Hold **OK + Back** together for 5 seconds until the remote's light flashes green, then press **OK** once; you'll get a 'Remote paired' message on screen. " +
            "If it doesn't take, restart the box and do it within a minute of it booting.",
          upvotesFrom: ['tom', 'liam', 'ciaran'],
        },
      ],
    },

    // Peer-solved (superuser)
    {
      category: 'tv',
      askedBy: 'priya',
      hoursAgo: 330,
      title: "Brightwave Go app says 'Outside your home network' while at home",
      body:
        "The Brightwave Go app on my iPhone won't play live TV; it says 'This content is only available on your home network', but I'm sitting on my own sofa on my Brightwave Wi-Fi. " +
        "It works on my partner's Android phone. I've already deleted and reinstalled the app.",
      tags: ['brightwave-go', 'iphone', 'streaming'],
      upvotesFrom: ['eoin'],
      answers: [
        {
          by: 'ciaran',
          hoursAfterQuestion: 0.9,
          accepted: true,
          body:
            "That's almost always **iCloud Private Relay**. It hides your real IP from apps, so Brightwave Go can't tell you're on your home line. Either turn it off in **Settings > [your name] > iCloud > Private Relay**, or tap the (i) next to your home network in **Settings > Wi-Fi** and turn off **Limit IP Address Tracking** just for that network. " +
            'The same applies if you use a VPN on the phone.',
          upvotesFrom: ['priya', 'aoife', 'fergal'],
        },
      ],
    },

    // Answered, not solved (includes a staff answer)
    {
      category: 'tv',
      askedBy: 'liam',
      hoursAgo: 147,
      title: 'Sports Extra package not showing after upgrade',
      body:
        "I added the Sports Extra package in My Account on Saturday, got a confirmation email and it's on my bill, but channels 401–406 still say 'You are not subscribed to this channel'.\n\n" +
        "I've restarted the box and done a channel rescan.",
      tags: ['sports', 'subscription', 'bw-360', 'channels'],
      upvotesFrom: ['declan'],
      actions: [
        { kind: 'returnToCommunity', by: 'conor', hoursAfterQuestion: 74, reason: 'Entitlement re-sent and explained in my answer; waiting for the customer to confirm the channels are unlocked.' },
      ],
      answers: [
        {
          by: 'aoife',
          hoursAfterQuestion: 1.8,
          body: 'Try **Settings > System > Refresh entitlements**, which re-downloads the list of channels the box is allowed to show. That normally fixes it straight away after an upgrade.',
          upvotesFrom: ['liam'],
        },
        {
          by: 'conor',
          hoursAfterQuestion: 28,
          body:
            "Hi Liam, I can see Sports Extra active on your account, and I've re-sent the entitlement to your box from our side. Please leave the box switched on for 15 minutes and then restart it.\n\n" +
            "If the channels are still locked after that, reply with the box's serial number (**Settings > About**) and I'll escalate it to our TV platform team.",
        },
      ],
    },

    // Answered, not solved (peers only)
    {
      category: 'tv',
      askedBy: 'siobhan',
      hoursAgo: 760,
      title: 'Picture pixelating on HD channels in the evening',
      body:
        'On HD channels the picture breaks up into blocks for a few seconds at a time, mostly in the evenings. SD channels seem fine. ' +
        'The box is connected over Wi-Fi to the hub, which is in the next room.',
      tags: ['bw-360', 'picture-quality', 'hd', 'wifi'],
      actions: [
        { kind: 'returnToCommunity', by: 'niamh', hoursAfterQuestion: 76, reason: 'The community advice (wired connection, box diagnostics) is what we would say too; the line tests clean.' },
      ],
      answers: [
        {
          by: 'gemma',
          hoursAfterQuestion: 2.2,
          body: "TV over Wi-Fi is the usual culprit. Try an Ethernet cable, or a pair of powerline adapters if you can't run one, and see if it goes away.",
          upvotesFrom: ['siobhan'],
        },
        {
          by: 'declan',
          hoursAfterQuestion: 11,
          body: "Check **Settings > Network > Diagnostics** on the box while it's happening. If packet loss is above 0% it's the connection, not the channel.",
        },
      ],
    },

    // Unanswered (recent)
    {
      category: 'tv',
      askedBy: 'eoin',
      hoursAgo: 45,
      title: 'Series link recordings stopped after the clocks changed',
      body:
        'Since the clocks went back on Sunday none of my series links have recorded. They still show in **Recordings > Series** with a red clock icon, and the planner says `Scheduled`, but then nothing records. ' +
        'One-off recordings I set manually work fine.',
      tags: ['recordings', 'series-link', 'bw-360'],
      upvotesFrom: ['tom', 'rachel'],
      actions: [
        { kind: 'claim', by: 'conor', hoursAfterQuestion: 24.5 },
      ],
      answers: [],
    },

    // Unanswered: staff asked for details, heard nothing, and gave it back to the community
    {
      category: 'tv',
      askedBy: 'priya',
      hoursAgo: 540,
      title: 'Audio out of sync on Dolby Digital channels via soundbar',
      body:
        'With a Sonos Beam connected over HDMI ARC, the sound on some channels is about half a second behind the picture. It seems to be the ones broadcasting Dolby Digital 5.1.\n\n' +
        'If I switch the box audio output to `Stereo` it is fine, but I lose surround. Is there an audio delay setting on the BW-360?',
      tags: ['audio', 'hdmi-arc', 'soundbar', 'bw-360'],
      actions: [
        { kind: 'comment', by: 'conor', hoursAfterQuestion: 26, body: 'Hi Priya, which BW-360 software version is on the box (**Settings > About**), and is the Sonos on its latest update? There is a lip-sync setting in recent versions that I can walk you through.' },
        { kind: 'needsInfo', by: 'conor', hoursAfterQuestion: 26.1, note: 'Asked for the box software version and the Sonos update status.' },
        { kind: 'returnToCommunity', by: 'conor', hoursAfterQuestion: 200, reason: 'No reply from the customer in a week; back to the community.' },
      ],
      answers: [],
    },

    // ───────────────────────────── Billing & Account ─────────────────────────────

    // Staff-solved (after a partial peer answer)
    {
      category: 'billing',
      askedBy: 'priya',
      hoursAgo: 940,
      title: 'Charged twice after moving house',
      body:
        'I moved house last month and transferred my broadband to the new address. This month I was charged €65 twice by direct debit: two separate transactions on the same day, with different account numbers on the bank statement.\n\n' +
        'My Account only shows one bill. How do I get the duplicate back?',
      tags: ['double-charge', 'moving-house', 'direct-debit', 'refund'],
      upvotesFrom: ['declan', 'tom'],
      answers: [
        {
          by: 'siobhan',
          hoursAfterQuestion: 3.5,
          body:
            "When you move, Brightwave sometimes closes the old account and opens a new one, so the first payment is probably the final bill on the old account (pro-rata plus anything outstanding). Look for a 'Final bill' email with the old account number.",
          upvotesFrom: ['priya'],
        },
        {
          by: 'conor',
          hoursAfterQuestion: 24.5,
          accepted: true,
          body:
            "Hi Priya, Siobhán is right that a new account was created for your new address, but in your case the old account was billed a full month in advance instead of a pro-rata final bill. That's our mistake, sorry.\n\n" +
            "I've refunded the €65 to your bank account; it will show in 3–5 working days with the reference `BRIGHTWAVE RFND`. The old account is now closed with a zero balance, so it won't happen again.",
          upvotesFrom: ['priya', 'siobhan', 'sarah'],
        },
      ],
    },

    // Mobile, staff-solved (after a helpful but incomplete peer answer)
    {
      category: 'mobile',
      askedBy: 'siobhan',
      hoursAgo: 120,
      title: 'Port-in of my mobile number stuck',
      body:
        "I'm moving my mobile number to Brightwave Mobile. I got the SIM and entered my old number and account number on the activation page 5 days ago, and it still says **Port pending**.\n\n" +
        "- The SIM works on a temporary number\n- My old network says they haven't received a request\n\nAnything I can do to hurry it along?",
      tags: ['mobile', 'number-porting', 'sim'],
      upvotesFrom: ['rachel'],
      answers: [
        {
          by: 'eoin',
          hoursAfterQuestion: 2,
          body:
            "Porting normally takes a working day, so after 5 days it has probably been rejected. The most common reason is the account number not matching what the old provider has on file; prepay and bill-pay numbers need different details.",
          upvotesFrom: ['siobhan'],
        },
        {
          by: 'niamh',
          hoursAfterQuestion: 22,
          accepted: true,
          body:
            "Hi Siobhán, Eoin's spot on. Your old provider rejected the port because the request had a bill-pay account number, but the number is registered as prepay on their side. I've resubmitted it as a prepay port, which doesn't need an account number.\n\n" +
            "You'll get a text when it completes, normally within 2 hours. After that, restart your phone and your old number will be live on the Brightwave SIM.",
          upvotesFrom: ['siobhan', 'eoin'],
        },
      ],
    },

    // Peer-solved (superuser)
    {
      category: 'billing',
      askedBy: 'declan',
      hoursAgo: 680,
      title: 'Why did my bill go up by €4.50 this month?',
      body:
        "My bill went from €45 to €49.50 this month without any change to my package, and I can't find any email about a price change. Is this a mistake?",
      tags: ['bill', 'price-increase'],
      upvotesFrom: ['liam', 'rachel'],
      answers: [
        {
          by: 'aoife',
          hoursAfterQuestion: 0.7,
          accepted: true,
          body:
            'Two things usually land at this time of year: the annual price adjustment (announced by email and as a note on your previous bill) and, for a lot of people, the end of the 12-month introductory discount. ' +
            "Open **My Account > Bills > View details** and you'll see either an 'Annual price change' line or the discount line missing. Mine was €2 of price change plus €2.50 of discount ending.\n\n" +
            'If it is the discount, ring the retention team; they will usually offer something similar again.',
          upvotesFrom: ['declan', 'ciaran', 'tom', 'liam'],
        },
      ],
    },

    // Peer-solved (regular member)
    {
      category: 'billing',
      askedBy: 'eoin',
      hoursAgo: 250,
      title: 'How do I get a VAT invoice for my home office broadband?',
      body:
        'My accountant wants a proper VAT invoice for my broadband so I can claim part of it as a business expense. The bill PDF only shows the total. ' +
        "Is there a way to get an invoice with the VAT broken out and Brightwave's VAT number on it?",
      tags: ['vat', 'invoice', 'home-office'],
      answers: [
        {
          by: 'priya',
          hoursAfterQuestion: 5.2,
          accepted: true,
          body:
            'Yes: in **My Account > Bills**, open the bill and choose **Download VAT invoice** rather than **Download PDF**. That version has the VAT number plus net and VAT amounts per line. ' +
            "If the option isn't there, add your business name under **Profile > Billing details** first; older bills can then be regenerated from the same page.",
          upvotesFrom: ['eoin', 'aoife'],
        },
      ],
    },

    // Peer-solved (superuser)
    {
      category: 'billing',
      askedBy: 'liam',
      hoursAgo: 400,
      title: 'Direct debit failed — will my service be cut off?',
      body:
        "My bank card was replaced and I got a text saying my direct debit payment failed. I've sorted things out with the bank. " +
        'Will Brightwave retry automatically, and is there a risk of being disconnected or charged a fee in the meantime?',
      tags: ['direct-debit', 'payment', 'late-fee'],
      answers: [
        {
          by: 'ciaran',
          hoursAfterQuestion: 1.1,
          accepted: true,
          body:
            "A direct debit isn't tied to your card, so as long as the bank account itself is still open Brightwave will retry automatically 7 days after the failure. If you'd rather not wait, pay the balance by card in **My Account > Payments > Make a payment** and the retry is cancelled.\n\n" +
            "There's a €5 failed-payment fee, but nothing gets restricted until the second reminder, around 21 days after the due date.",
          upvotesFrom: ['liam', 'gemma'],
        },
        {
          by: 'tom',
          hoursAfterQuestion: 3,
          body: 'I paid by card in the app when mine bounced. It cleared the same day, and the fee was waived when I asked on webchat.',
          upvotesFrom: ['ciaran', 'liam'],
        },
      ],
    },

    // Answered, not solved (peers only)
    {
      category: 'billing',
      askedBy: 'rachel',
      hoursAgo: 560,
      title: "Early termination fee if I move somewhere Brightwave doesn't cover?",
      body:
        "I'm 8 months into an 18-month contract and moving to a rural area where the availability checker says Brightwave isn't available. " +
        'Do I still have to pay for the remaining months, or is there an exemption for moving out of coverage?',
      tags: ['contract', 'termination-fee', 'moving-house'],
      upvotesFrom: ['tom'],
      actions: [
        { kind: 'returnToCommunity', by: 'niamh', hoursAfterQuestion: 75, reason: 'Aoife quoted the right clause (9.3); an availability check at the new address settles it.' },
      ],
      answers: [
        {
          by: 'siobhan',
          hoursAfterQuestion: 6,
          body: "I think if they can't provide service at your new address they have to waive the fee, but you may need to send proof of the move, like a utility bill.",
        },
        {
          by: 'aoife',
          hoursAfterQuestion: 52,
          body:
            "The terms (section 9.3) say the early termination charge is waived if Brightwave can't supply 'a comparable service' at the new address. They count their 4G home broadband as comparable in some areas, so check availability for that too before relying on it.",
          upvotesFrom: ['rachel', 'siobhan'],
        },
      ],
    },

    // Answered, not solved (peers only)
    {
      category: 'billing',
      askedBy: 'tom',
      hoursAgo: 180,
      title: "Can't log in to My Account — 'Account locked' after password reset",
      body:
        "I reset my My Account password with the email link and it said the reset was successful, but every login attempt now says 'Account locked – too many attempts'. " +
        "I've waited an hour and tried a different browser and incognito mode. The app shows the same message.",
      tags: ['my-account', 'login', 'password'],
      actions: [
        { kind: 'returnToCommunity', by: 'conor', hoursAfterQuestion: 76, reason: 'The lock clears itself after 24 hours, as Gemma says; nothing for us to change on the account.' },
      ],
      answers: [
        {
          by: 'gemma',
          hoursAfterQuestion: 1.7,
          body: "The lock lasts 24 hours, not one, but it clears itself. Make sure a password manager isn't auto-filling the old password in the app in the background, or it'll keep re-locking the account.",
          upvotesFrom: ['tom'],
        },
        {
          by: 'declan',
          hoursAfterQuestion: 8,
          body: 'The same thing happened to me last month. In the end I did another reset after the 24 hours and it worked.',
        },
      ],
    },

    // Unanswered (recent)
    {
      category: 'billing',
      askedBy: 'aoife',
      hoursAgo: 27,
      title: 'Loyalty discount offered on chat but not on my bill',
      body:
        'On a webchat two weeks ago I was offered €10 off per month for 12 months to stay, and I accepted; the chat transcript email confirms it. ' +
        'My new bill arrived today at the full price with no discount line. Do I need to chase this, or does it take a billing cycle to appear?',
      tags: ['discount', 'retention', 'bill'],
      upvotesFrom: ['ciaran'],
      answers: [],
    },

    // Staff-solved after asking the customer for details
    {
      category: 'billing',
      askedBy: 'gemma',
      hoursAgo: 350,
      title: 'No email bills since changing my email address',
      body:
        "I'm on paperless billing and changed my email address in **Profile** about two months ago. Since then I haven't had a single 'Your bill is ready' email, not even in spam. " +
        'The bills are in My Account, so they are being generated, and the new address is verified.',
      tags: ['paperless', 'email', 'bill'],
      actions: [
        { kind: 'comment', by: 'niamh', hoursAfterQuestion: 14, body: 'Hi Gemma, could you confirm the last four characters of the new address? I can see two addresses on the account and want to be sure which one you verified.' },
        { kind: 'needsInfo', by: 'niamh', hoursAfterQuestion: 14.1, note: 'Two addresses on the account: asked which one is current.' },
        { kind: 'comment', by: 'gemma', hoursAfterQuestion: 19, body: "It's the one ending `…n.ie`, verified on the 3rd." },
      ],
      answers: [
        {
          by: 'niamh',
          hoursAfterQuestion: 21,
          accepted: true,
          body:
            "Thanks Gemma. The change of address updated your sign-in but not the billing contact, which still pointed at the old address, so the 'bill ready' emails went there. I've moved the billing contact to the `…n.ie` address and re-sent this month's notice.\n\n" +
            'If you change it again, use **Profile > Contact details** rather than **Sign-in & security**: that page updates both.',
          upvotesFrom: ['gemma', 'aoife'],
        },
      ],
    },
    // ───────────────────────────── Now: what the consoles have to do ─────────────────────────────

    // Escalated by the sweep minutes ago (peer window passed, nobody answered): waiting, deadline ahead
    {
      category: 'mobile',
      askedBy: 'maeve',
      hoursAgo: 24.3,
      title: "eSIM stuck on 'Activating' after moving to a new iPhone",
      body:
        "I moved my Brightwave eSIM to a new iPhone 15 using Apple's transfer during set-up. The old phone lost service straight away, but on the new one the line has said **Activating…** for most of a day.\n\n" +
        "- No signal bars, calls go straight to 'No service'\n- Wi-Fi works, iMessage is stuck waiting for activation\n\nDo I need a new QR code from Brightwave?",
      tags: ['esim', 'iphone', 'activation'],
      upvotesFrom: ['oisin', 'chloe'],
      answers: [],
      views: 9,
    },

    // Escalated by the sweep a few minutes ago: a second waiting item
    {
      category: 'broadband',
      askedBy: 'kevin',
      hoursAgo: 24.6,
      title: 'Hub 5 restarts itself at 3am every night and drops my NAS backup',
      body:
        "My NAS backs up to the cloud overnight and the job has failed every night this week. The hub's event log shows a reboot at about 03:05 each night (`Scheduled maintenance restart`).\n\n" +
        "I can't find a setting for it anywhere. Can it be moved to a different time or turned off?",
      tags: ['hub-5', 'reboot', 'nas'],
      answers: [],
      views: 6,
    },

    // Escalated five days ago, and nobody from staff has responded: breached
    {
      category: 'mobile',
      askedBy: 'oisin',
      hoursAgo: 150,
      title: 'Charged roaming on a Travel Pass day in Spain',
      body:
        "I added the €3/day Travel Pass before flying to Málaga last week. My bill has the Travel Pass charges for each day, **and** €27.40 of per-MB roaming data on the 12th.\n\n" +
        "The phone was on the same network all week. Why was one day billed as if I had no pass, and how do I get it refunded?",
      tags: ['roaming', 'travel-pass', 'bill'],
      upvotesFrom: ['hannah', 'paddy'],
      answers: [],
      actions: [
        { kind: 'comment', by: 'hannah', hoursAfterQuestion: 30, body: 'Same thing happened to me in Portugal in the summer, on the day I flew back. Following.' },
      ],
      views: 21,
    },

    // A repeat of an older question: the volunteer moderator links it to the original
    {
      category: 'broadband',
      askedBy: 'zofia',
      hoursAgo: 20,
      title: '5GHz Wi-Fi vanishes for a minute most evenings',
      body:
        'Most evenings my laptop drops off the 5GHz network for about a minute, then rejoins by itself. Phones on 2.4GHz are fine. The hub is a Hub 5 on the latest firmware. Is it something in my house?',
      tags: ['wifi', '5ghz', 'hub-5'],
      answers: [],
      actions: [
        {
          kind: 'comment',
          by: 'fergal',
          hoursAfterQuestion: 2.5,
          body: "Hi Zofia, this is the Hub 5 leaving a DFS channel when it detects radar. Siobhán's question has the fix (set the 5GHz channel to 36–48), so I've linked it.",
        },
        { kind: 'markDuplicate', by: 'fergal', hoursAfterQuestion: 2.6, originalRef: 'hub5-dfs' },
      ],
      views: 4,
    },

    // Answered in the last two days; the asker has not been back to read them yet
    {
      category: 'mobile',
      askedBy: 'siobhan',
      hoursAgo: 40,
      title: 'Wi-Fi Calling not working on my Pixel 8 at home',
      body:
        "Signal indoors is poor, so I turned on Wi-Fi Calling on my Pixel 8, but calls still go over the one bar of 4G and drop. The toggle is on in **Settings > Network & internet > SIMs**, and the phone is connected to my Hub 5.\n\nIs there something to switch on for the account too?",
      tags: ['wifi-calling', 'pixel', 'signal'],
      upvotesFrom: ['grace'],
      answers: [
        {
          by: 'gemma',
          hoursAfterQuestion: 3,
          body:
            "Wi-Fi Calling is on for every Brightwave Mobile plan, so it's the phone. On Pixels the emergency address has to be filled in before it activates: **Settings > Network & internet > SIMs > Wi-Fi Calling > Emergency address**. Once it's saved you'll see `Brightwave Wi-Fi` in the status bar.",
          upvotesFrom: ['fergal', 'grace'],
        },
        {
          by: 'aoife',
          hoursAfterQuestion: 31,
          body: "If it's still not showing after that, check the hub isn't blocking UDP port 4500 (**Advanced > Firewall**: the `High` profile does). Wi-Fi Calling needs it for its IPsec tunnel.",
        },
      ],
      views: 12,
    },
  ],

  searches: [
    // Found what they were looking for
    { query: 'wifi pod', hoursAgo: [2000, 900, 300, 30] },
    { query: 'port forwarding', hoursAgo: [1500, 700, 100] },
    { query: 'esim', hoursAgo: [3000, 1200, 400, 50, 5] },
    { query: 'roaming', hoursAgo: [4000, 2500, 900, 200] },
    { query: 'refresh entitlements', hoursAgo: [600, 80] },
    // Found little or nothing: content the community is missing
    { query: 'keep my landline number', hoursAgo: [2200, 800, 160, 70, 20] },
    { query: 'parental pin forgotten bw-360', hoursAgo: [1000, 300, 90, 12] },
    { query: 'wifi 7', hoursAgo: [500, 140, 40] },
    { query: 'student discount', hoursAgo: [3500, 1900, 110, 60, 8] },
    { query: 'audio description', hoursAgo: [260, 36] },
    { query: 'smart watch esim sharing', hoursAgo: [190, 50, 3] },
  ],
};
