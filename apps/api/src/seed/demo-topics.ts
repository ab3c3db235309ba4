/**
 * What Brightwave customers ask about, for the demo's generated year (demo-history.ts): per topic, a few
 * ways of asking, the answer that fixes it, plausible guesses that don't, what staff do, and what the
 * asker finds out for themself. `{since}` and `{place}` vary the wording between questions.
 */
import type { DemoCategoryKey } from './demo-content';

export interface DemoTopic {
  category: DemoCategoryKey;
  tags: string[];
  titles: string[];
  bodies: string[];
  fixes: string[];
  guesses: string[];
  staffAnswers: string[];
  /** What staff ask before they can help (a comment, then "needs info"). */
  staffAsks: string;
  selfFix: string;
}

export const SINCE = ['since Tuesday', 'for about a week', 'since the weekend', 'on and off for a month', 'since yesterday evening', 'for the last few days'];
export const PLACES = ['the upstairs office', 'the back bedroom', 'the kitchen', 'the attic room', 'the living room', 'the garden office'];

export const DEMO_TOPICS: readonly DemoTopic[] = [
  // ───────────── Broadband ─────────────
  {
    category: 'broadband',
    tags: ['wifi', 'coverage', 'wifi-pods'],
    titles: ['Weak Wi-Fi in {place}', 'Wi-Fi barely reaches {place}: pods or a new hub?', 'Dead spot in {place} even with a Wi-Fi Pod', 'Video calls freeze in {place} {since}'],
    bodies: [
      'The hub is in the hall by the front door and {place} gets one bar at best. Speed tests there show 5–10Mbps against 300+ next to the hub. Would a Wi-Fi Pod fix this, or is it something in the settings?',
      "Calls on Teams keep freezing in {place} {since}. Everywhere else in the house is fine. There's a thick stone wall between it and the hub. What are my options before I start running cables?",
    ],
    fixes: [
      'A Wi-Fi Pod is the right fix, but placement matters more than anything: put it halfway between the hub and {place}, where it still gets **two or more bars** from the hub, not in the dead room itself. The Brightwave app has a **Pod placement** test (Wi-Fi > Pods > Check placement) that tells you when the spot is good. Stone walls kill 5GHz, so expect the pod to link on 2.4GHz if it has to go through one.',
      "If you can get a cable anywhere near {place}, use it: a pod connected by Ethernet back to the hub (**wired backhaul**) gives you full speed in the far room. Failing that, a powerline adapter pair from the hub to the pod works well in most houses and Brightwave's pods detect the wired link by themselves.",
    ],
    guesses: ['Have you tried moving the hub up off the floor? Mine improved a lot just by putting it on a shelf.', 'Could be interference from a baby monitor or a microwave, those are 2.4GHz too.'],
    staffAnswers: [
      "Hi, I've checked your line and it's running at full speed to the hub, so this is coverage inside the house. I've added a free Wi-Fi Pod to your account as you're on Fibre 500; it arrives in 2–3 working days. Set it up halfway towards {place} and run the placement test in the Brightwave app. If it still struggles, reply here and I'll book a home Wi-Fi survey.",
    ],
    staffAsks: 'Could you tell us your hub model (on the label underneath) and roughly how far {place} is from it, through how many walls?',
    selfFix: 'Sorted it myself: I moved the pod out of {place} to the landing, where the app says the connection to the hub is "Good". Now {place} gets 120Mbps. The pod was simply too far from the hub where I had it.',
  },
  {
    category: 'broadband',
    tags: ['slow-speeds', 'fibre', 'speed-test'],
    titles: ['Only getting a fraction of my Fibre 500 speed', 'Speeds halved {since}', 'Fibre 1000 tops out around 300Mbps', 'Evening speeds are terrible {since}'],
    bodies: [
      "I pay for Fibre 500 and speed tests on my laptop show 60–120Mbps. It's been like this {since}. I've restarted the hub. Is there a problem in my area?",
      "Daytime speeds are fine, but from about 7pm they drop to a third, and streaming buffers. It's been happening {since}. Is the network congested or is it my setup?",
    ],
    fixes: [
      'First work out where the slowdown is: run the speed test **on a laptop plugged into the hub by cable**. Wi-Fi tests on a phone measure the Wi-Fi, not the line. If the wired test is close to your plan speed, the line is fine and it is Wi-Fi (channel, distance, old devices). If the wired test is slow too, check **Status > Line** on the hub for errors and post the numbers here.',
      "Check the hub's own speed test under **Status > Line > Run speed test**. It runs from the hub itself, so Wi-Fi and your devices are out of the picture. If that shows your full speed, it's in the house: most laptops older than about 2019 can't do more than 300Mbps over Wi-Fi.",
    ],
    guesses: ['Try a different speed test site, some of them are rubbish in the evening.', 'Mine did this until I restarted the hub, worth a try.'],
    staffAnswers: [
      "Hi, I ran a line test and found a fault on the fibre splitter that serves your street; it has been causing high errors at peak times. An engineer repaired it this morning and your line is now syncing at the full 500Mbps. Please restart the hub once and run a wired test; you should see 450–480Mbps. I've also added a credit for the days affected to your next bill.",
    ],
    staffAsks: 'Could you run the speed test from the hub itself (**Status > Line > Run speed test**) in the evening and post the result and the time?',
    selfFix: "Found it: my laptop's Ethernet adapter was the old 100Mbps one from a USB dock. Plugged into the laptop's own port I get 470Mbps wired. Leaving this here in case it helps someone.",
  },
  {
    category: 'broadband',
    tags: ['outage', 'no-internet', 'hub-5'],
    titles: ['No internet at all, white light flashing on the hub', 'Total outage {since}, is it just me?', 'Hub shows connected but nothing loads', 'Broadband down every morning around 8am'],
    bodies: [
      "Internet has been down {since}. The light on the hub flashes white and the wall box light is green. I've restarted both twice. The service status page says there's no outage in my area.",
      'Devices connect to the Wi-Fi fine but no website loads, on any device. The hub admin page says **Internet: Connected**. Happening {since}.',
    ],
    fixes: [
      'Flashing white means the hub is trying to authenticate and not getting through. Check the fibre lead between the wall box (ONT) and the hub port marked **WAN** is clicked in at both ends, then power off the **wall box first**, wait a minute, power it on, wait for its light, and only then the hub. The order matters: the hub starts authenticating before the ONT is ready otherwise.',
      "If devices connect but nothing loads, it's usually DNS. Look at **Advanced > DNS** on the hub: if someone set a custom DNS server that's gone down, set it back to **Automatic**. You can confirm it by trying `1.1.1.1` in a browser: if it responds but websites don't, it's DNS.",
    ],
    guesses: ['Probably an outage, they never put them on the status page straight away.', 'Factory reset the hub, that fixes most things.'],
    staffAnswers: [
      "Hi, sorry about this. Your line showed repeated authentication failures after a maintenance window on our side, and the session got stuck. I've reset it and re-pushed your hub profile. Power the hub off for 30 seconds and on again; it should be solid white within five minutes. If it's not, reply here and I'll send an engineer.",
    ],
    staffAsks: "Could you tell us what the hub's admin page shows under **Status > Internet** (any error code), and whether the wall box has a red light at all?",
    selfFix: 'Back up. The fibre patch lead had been pulled half out when we moved the sofa. Clicked it back into the wall box and everything came straight back.',
  },
  {
    category: 'broadband',
    tags: ['gaming', 'nat', 'port-forwarding'],
    titles: ['Strict NAT on Xbox through the Hub 5', 'PS5 says NAT type 3 {since}', 'Port forwarding rule not working for game server', 'Can\'t host online matches, "NAT type strict"'],
    bodies: [
      "My Xbox Series X shows NAT type **Strict** and party chat keeps failing. It's plugged into the hub by cable. I've tried turning UPnP off and on. Anything else I can do?",
      "Trying to run a small Minecraft server for my kids and friends. I added a forward for port 25565 to the PC, but nobody outside can connect. It's been like this {since}.",
    ],
    fixes: [
      "Check you're not behind CGNAT first: if the WAN address under **Status > Internet** starts with `100.64`, no forwarding or UPnP will help and you need a public IPv4 (free, ask in a support chat). If it's a normal public address, give the console a **DHCP reservation** and then turn UPnP on under **Advanced > UPnP**: the Xbox opens what it needs by itself and goes to Open NAT.",
      "Forwards only work to a fixed address, so reserve the PC's IP under **Advanced > LAN > Address reservation**, and point the rule at that. Also allow the port through the PC's own firewall: Windows blocks Java on public networks by default, which is the usual culprit with Minecraft.",
    ],
    guesses: ['Put the console in the DMZ, that always works.', 'You need a business line for port forwarding I think.'],
    staffAnswers: [
      "Hi, your line was on our shared-address (CGNAT) pool, which is why forwarding couldn't work. I've moved it to a public IPv4 address at no charge. Restart the hub, re-enable UPnP, and the NAT type should show Open within a few minutes.",
    ],
    staffAsks: "Could you post the WAN address shown on the hub's **Status > Internet** page (the first two numbers are enough)?",
    selfFix: 'Fixed. The console had picked up a new IP after a power cut, so the forward pointed at nothing. Added a reservation and UPnP did the rest; NAT is Open now.',
  },
  {
    category: 'broadband',
    tags: ['hub-5', 'settings', 'admin-password'],
    titles: ['Forgot the Hub 5 admin password', 'How do I change my Wi-Fi name and password?', 'Locked out of the hub settings page', 'Kids found the Wi-Fi password, can I set up parental controls?'],
    bodies: [
      "I changed the hub's admin password last year and can't remember it. Is there a way in without resetting everything? There are port forwards and reservations I'd rather not redo.",
      "I'd like to change the Wi-Fi name and password, and ideally stop the kids' tablets working after 10pm. Where is this in the hub settings or the app?",
    ],
    fixes: [
      'The Brightwave app can do it without the admin password: **Hub > Settings > Admin password > Reset**. It asks for your My Account login instead and keeps all your other settings. Only a pin reset on the back of the hub wipes everything.',
      'All of it is in the Brightwave app now: **Wi-Fi > Network name and password** changes both bands at once, and **People > Add person** lets you group the kids\' devices and set a **Bedtime** schedule. Devices in a paused group just lose internet, they stay on the Wi-Fi.',
    ],
    guesses: ['The default password is on the sticker on the bottom of the hub.', "Hold the reset button for 10 seconds, that's what I did."],
    staffAnswers: [
      "Hi, I've reset the hub's admin password remotely to the one printed on the sticker underneath, keeping all your other settings. Sign in at 192.168.0.1 with it and choose a new one; you can also manage the hub from the Brightwave app without it.",
    ],
    staffAsks: "Could you tell us whether you're signed up to the Brightwave app with the account holder's login? That decides how we can reset it without wiping your settings.",
    selfFix: 'Found it in the app under Hub > Settings; the reset kept my port forwards. Thanks all the same.',
  },
  {
    category: 'broadband',
    tags: ['engineer', 'installation', 'fibre'],
    titles: ['Fibre installation appointment missed, nobody came', 'How long does a fibre install take?', 'Engineer says the duct is blocked, what now?', 'Moving the wall box to another room'],
    bodies: [
      "My installation was booked for this morning 8–12 and nobody turned up or called. My old provider's service ends on Friday. What happens now?",
      "The engineer came today but couldn't get the fibre through because the duct under the drive is blocked. He said someone would be in touch. How long does this usually take?",
    ],
    fixes: [
      "Missed appointments get an automatic €30 credit, but you have to re-book it yourself in **My Account > Orders > Reschedule**, and the earliest slots show up there before the phone team sees them. If your old service ends first, ask for a free 4G router to bridge the gap: they send one next day.",
      'A blocked duct goes to the civils team, who usually come within 10 working days to clear it (no digging inside your boundary unless you agree). You get a text with the date. Ask for the temporary 4G router in the meantime.',
    ],
    guesses: ["It happened to me too, they came the next day without calling.", 'Ring them, the forum is no use for installs.'],
    staffAnswers: [
      "Hi, I'm sorry the engineer didn't arrive. I've re-booked your installation for the first available slot and added the €30 missed-appointment credit. A temporary 4G router is on its way by courier so you're not left without internet when your old service ends.",
    ],
    staffAsks: 'Could you send us your order reference (it starts with `BW-ORD`) so we can see what happened with the appointment?',
    selfFix: 'Update for anyone searching: rebooked it myself in My Account > Orders, got a slot two days later, and the €30 credit showed up on its own.',
  },

  // ───────────── TV ─────────────
  {
    category: 'tv',
    tags: ['bw-360', 'no-signal', 'tv-box'],
    titles: ['BW-360 stuck on the start-up screen', 'TV box says "No service" on every channel', 'Box keeps rebooting {since}', 'Live TV freezes but apps work fine'],
    bodies: [
      'My BW-360 gets stuck on the Brightwave logo with the spinning circle. Unplugging it for a few minutes made no difference. The broadband works fine.',
      "Live channels freeze after a few seconds {since}, but Netflix and YouTube on the same box are fine. The box is connected by Wi-Fi to the hub in the next room.",
    ],
    fixes: [
      "Do a **soft reset** rather than a factory reset: with the box on the logo, hold the power button on the front for 10 seconds until the light goes amber. It reinstalls the software but keeps your recordings. If it sticks again, plug it into the hub with a cable while it starts: the first boot after an update needs the wired connection for the channel list.",
      "Live TV uses multicast and is much fussier about Wi-Fi than apps. Try a cable or a powerline pair; if that's not possible, put the box on the 5GHz network only and set the hub's 5GHz channel to 36. The freezing stops for almost everyone once multicast isn't going over a weak link.",
    ],
    guesses: ['Sounds like the box is dying, ask for a replacement.', 'Check the HDMI cable, mine was loose.'],
    staffAnswers: [
      "Hi, the box's channel licence had expired after it was offline for a while, so it couldn't finish starting. I've renewed it from our side. Leave the box on the start-up screen for ten minutes and it will carry on by itself. If it doesn't, reply and I'll send a replacement box.",
    ],
    staffAsks: "Could you tell us the box's serial number (on the label underneath) and whether it's on Wi-Fi or a cable?",
    selfFix: "Sorted: I plugged the box into the hub with a long cable and it got past the logo straight away. It had downloaded an update and couldn't finish over Wi-Fi.",
  },
  {
    category: 'tv',
    tags: ['recordings', 'cloud-dvr', 'bw-360'],
    titles: ['Recordings disappeared from the box', 'Cloud recordings full but I deleted loads', 'Can I record two channels at once?', 'Recorded programmes stop halfway'],
    bodies: [
      "All my recordings vanished from **Recordings** {since}. The planner still shows future ones. Were they deleted or is this a display glitch?",
      'Recordings of the late film keep stopping about halfway through, always at the same point. The series recordings before 11pm are fine.',
    ],
    fixes: [
      'Cloud recordings are kept for 12 months and the box only lists them once it has synced with the cloud. Go to **Settings > System > Refresh recordings**; if they come back, it was the sync. If your plan changed recently (e.g. from TV Max to TV Essentials), recordings of channels you no longer have are hidden, not deleted, and come back if you re-add the channels.',
      'Programmes that start after 11pm are often recorded from the catch-up copy, which broadcasters trim at the start of the next programme. Add **5 minutes of padding** under **Settings > Recordings > Extra time at end** and the cut-off goes away.',
    ],
    guesses: ['Mine did this after an update, think they are gone for good.', 'Is your hard drive full?'],
    staffAnswers: [
      "Hi, a sync problem on our recording platform hid some customers' recordings last week. Yours are all still there and I've re-linked them to your box: they'll reappear within the hour. Sorry for the fright.",
    ],
    staffAsks: 'Could you tell us roughly when you last saw the recordings and whether your TV package changed recently?',
    selfFix: 'They came back after **Settings > System > Refresh recordings**. It was just the sync after the box was offline.',
  },
  {
    category: 'tv',
    tags: ['apps', 'streaming', 'netflix'],
    titles: ['Netflix app keeps logging me out on the TV box', 'Disney+ missing from the BW-360 app list', 'YouTube app very slow on the box', 'Can I add Netflix to my Brightwave bill?'],
    bodies: [
      'Netflix on the BW-360 asks me to sign in again every few days. It never happens on the TV itself or on my phone.',
      'Is there a way to pay for Netflix through my Brightwave bill instead of a card? I saw something about bundles but My Account only shows TV packages.',
    ],
    fixes: [
      "Netflix signs devices out when you hit your plan's screen limit. Check **Account > Manage access and devices** on the Netflix website and remove old devices; the box counts as a separate one from the smart TV. Then sign in on the box once more.",
      'Yes: **My Account > TV > Add-ons > Netflix**. Choose "Link existing account" so your profiles and history stay; the next card payment to Netflix is then cancelled automatically and it appears on your Brightwave bill.',
    ],
    guesses: ['Clear the app cache, it usually helps.', "I don't think you can, I pay Netflix separately."],
    staffAnswers: [
      "Hi, there's a known issue with the Netflix app version on some BW-360 boxes that drops the sign-in after a software update. I've pushed the fixed version to your box; restart it and sign in once more. It won't ask again.",
    ],
    staffAsks: "Could you tell us the box's software version (**Settings > About**)?",
    selfFix: 'It was the screen limit on our Netflix plan: my son signed in on his laptop at uni and bumped the box. Upgraded the plan, problem gone.',
  },
  {
    category: 'tv',
    tags: ['remote', 'voice-control', 'bw-360'],
    titles: ['Voice remote not responding', 'How do I pair the remote to control the TV volume?', 'Remote works only when pointed right at the box', 'Replacement remote: how do I get one?'],
    bodies: [
      "The voice button on the remote does nothing, and the other buttons only work if I'm right in front of the box. New batteries {since}.",
      "I'd like to control the TV volume with the Brightwave remote so I can put the TV remote away. Is that possible with a Samsung TV?",
    ],
    fixes: [
      "The voice remote talks to the box over Bluetooth, and falls back to infrared (which needs pointing) when it loses the pairing. Re-pair it: hold **Home** and **Back** together for 5 seconds until the light flashes, then follow the prompt on screen. Voice works again once it's paired.",
      'Yes: **Settings > Remote > Set up TV control**, pick Samsung, and try the codes it offers until the volume changes. If your TV supports HDMI-CEC (Samsung calls it **Anynet+**), switch that on instead: it works without any codes.',
    ],
    guesses: ['Try new batteries, the cheap ones cause that.', 'I gave up and bought a universal remote.'],
    staffAnswers: [
      "Hi, that remote model has a known fault with its Bluetooth chip. I've ordered you a free replacement; it arrives in 2–3 working days and pairs itself when you first press a button near the box.",
    ],
    staffAsks: 'Could you tell us the model printed inside the battery compartment (RC-2 or RC-3)?',
    selfFix: "Re-paired it with Home + Back, as the setup guide says. Works from across the room again, voice included.",
  },
  {
    category: 'tv',
    tags: ['channels', 'packages', 'subscription'],
    titles: ['Paid for Sports Extra but channels still locked', 'Channels missing after moving to TV Essentials', 'Which package has the film channels?', 'Kids channels disappeared from the guide'],
    bodies: [
      'I upgraded my package {since} and the new channels still say "You are not subscribed". It\'s on my bill already.',
      'A few of the channels the kids watch have disappeared from the guide {since}. We haven\'t changed our package as far as I know.',
    ],
    fixes: [
      'Go to **Settings > System > Refresh entitlements**: the box re-downloads the list of channels you have, which it otherwise only does overnight. Then restart it. New packages show up straight away after that.',
      "Some channels moved numbers in the last line-up change, so they're still there but further down the guide. Search by name (**Search > Channels**) or reset the guide order under **Settings > Guide > Restore default order**.",
    ],
    guesses: ['Give it 24 hours, they take a while.', 'Check your PIN settings, the parental lock hides channels.'],
    staffAnswers: [
      "Hi, the package change didn't reach your box because of an error on our side. I've re-sent the entitlement; leave the box on for 15 minutes and the channels will unlock. I've also added a credit for the days you paid for them without having them.",
    ],
    staffAsks: "Could you tell us the box's serial number (**Settings > About**) so we can check what it has been sent?",
    selfFix: 'Refresh entitlements did it. Leaving this for the next person.',
  },

  // ───────────── Billing ─────────────
  {
    category: 'billing',
    tags: ['bill', 'price-change'],
    titles: ['Bill higher than expected this month', 'Why is there a €{amount} charge I don\'t recognise?', 'First bill much higher than the advertised price', 'Price went up, can I leave my contract?'],
    bodies: [
      'My bill this month is €{amount} more than usual and I haven\'t changed anything. The breakdown in My Account just says "Adjustments".',
      "Got a letter about a price increase. I'm 10 months into an 18-month contract. Does a price rise let me leave without paying the early exit fee?",
    ],
    fixes: [
      'The first bill after you join or change package covers part of last month as well as the next one in advance, so it is always higher. Open **My Account > Bills > View details** and look for lines dated before your bill period: that is the pro-rata part. It evens out from the second bill.',
      "The annual price change is written into the contract terms (section 7), so it doesn't give you a right to leave without the fee. A change outside that clause does: you then have 30 days from the letter to cancel free of charge.",
    ],
    guesses: ['Probably the price rise, everyone got one.', 'Ring them and threaten to leave, they always knock it down.'],
    staffAnswers: [
      "Hi, I've looked at the bill: the extra €{amount} was a one-off engineer charge that shouldn't have been applied, as the fault was on our network. I've removed it and the credit will show on your next bill.",
    ],
    staffAsks: 'Could you tell us the bill date and the exact description of the line you don\'t recognise?',
    selfFix: 'Worked it out: it was the pro-rata part for the days before my first full month, shown as "Adjustments". The second bill was back to normal.',
  },
  {
    category: 'billing',
    tags: ['payment', 'direct-debit', 'card'],
    titles: ['How do I change the card I pay with?', 'Direct debit set up twice', 'Payment failed but money left my account', 'Can I change my bill date?'],
    bodies: [
      "I got a text saying my payment failed, but the money has left my bank account. Now there's a €5 late fee on the account too.",
      'Can I move my bill date to the 1st of the month? Getting paid at the end of the month and the 20th is awkward.',
    ],
    fixes: [
      "A failed payment shows as taken for a day or two while the bank reverses it, so check again in two working days; it usually comes back. The €5 fee is waived if you ask in webchat and it's your first one.",
      "Yes, once a year: **My Account > Billing > Bill date**. You can pick any day from the 1st to the 28th; the next bill is pro-rata to the new date.",
    ],
    guesses: ['Ask your bank, it is their problem.', "I don't think they let you change that."],
    staffAnswers: [
      "Hi, the payment did go through but matched to an old account number, so our system treated it as failed. I've moved it to the right account and removed the late fee. Sorry for the trouble.",
    ],
    staffAsks: 'Could you tell us the date and amount of the payment on your bank statement?',
    selfFix: 'Found the option under My Account > Billing > Bill date. Moved it to the 1st, easy.',
  },
  {
    category: 'billing',
    tags: ['moving-house', 'contract'],
    titles: ['Moving house: can I take my broadband with me?', 'Moving in with a partner who has Brightwave too', 'How much notice do I give when moving?', 'New address not found on the availability checker'],
    bodies: [
      "We're moving across town next month. Can I keep my contract and just move it, or do I have to start a new one?",
      "I'm moving into my partner's place; we'd both have Brightwave broadband at the same address. Can I cancel mine without the exit fee?",
    ],
    fixes: [
      'Use **My Account > Moving house** at least two weeks before: the contract moves with you and nothing restarts. If the new address has fibre they book the install; if it only has the older service, your price drops to match.',
      'Moving into a home that already has Brightwave counts as a house move with no service needed, so the exit fee is waived. Choose **Moving house > "The new home already has Brightwave"** and upload the other account number.',
    ],
    guesses: ['You usually have to start a new contract.', 'Just cancel, it is only a few months.'],
    staffAnswers: [
      "Hi, the new address isn't in the checker because it's a new build registered last month. I've added it and booked your move for the date you gave: the install is confirmed and your contract carries on unchanged.",
    ],
    staffAsks: 'Could you tell us the new Eircode (postcode) and the date you move in?',
    selfFix: 'For anyone else: the Moving house form in My Account did it all, took five minutes.',
  },
  {
    category: 'billing',
    tags: ['refund', 'credit', 'outage'],
    titles: ['Compensation for last week\'s outage?', 'Credit promised on the phone never appeared', 'Refund after cancelling within 14 days', 'Still charged after cancelling'],
    bodies: [
      'We had no broadband for four days last week (the area outage). Is there any automatic compensation, or do I need to claim it?',
      'I cancelled within the 14-day cooling-off period, returned the hub, and I was still billed for a full month.',
    ],
    fixes: [
      "For outages over two days you're credited automatically on the next bill (one day's price per day without service) as long as the fault was logged, which it is for area outages. If it's not on the next bill, claim it via **My Account > Help > Service credit**.",
      'Cooling-off cancellations are refunded once the hub is received back at the depot, which can take a week. The refund appears as a separate credit, not on the bill. Check your returns tracking number in **My Account > Orders**.',
    ],
    guesses: ["You won't get anything, read the terms.", 'Complain to the regulator, that worked for me.'],
    staffAnswers: [
      "Hi, the credit wasn't applied because the outage was logged against a neighbouring street. I've added four days' credit to your account; it will show on your next bill.",
    ],
    staffAsks: 'Could you tell us the dates you were without service and whether you reported it at the time?',
    selfFix: 'It showed up on the next bill as "Service credit". Took a bit longer than I expected.',
  },
  {
    category: 'billing',
    tags: ['my-account', 'login', 'account-holder'],
    titles: ['Add my partner as an authorised user', 'My Account login keeps failing', 'Change the account holder after a bereavement', 'Two-step verification codes not arriving'],
    bodies: [
      "I'd like my partner to be able to deal with billing queries on our account. How do we add them?",
      "The two-step verification text never arrives when I sign in to My Account {since}, so I can't get in.",
    ],
    fixes: [
      '**My Account > Profile > Authorised users > Add**. They get an email to set up their own login and can do everything except cancel or change the account holder.',
      'The codes go to the mobile number on the account, not necessarily your current phone. Use **Try another way > Email** on the sign-in page, then update the number under **Profile > Security**.',
    ],
    guesses: ['Try a different browser.', 'You have to ring them for that.'],
    staffAnswers: [
      "Hi, the number on your account had an old prefix, so the codes were going nowhere. I've updated it to the number you gave in your profile; the next code will arrive there.",
    ],
    staffAsks: "Could you confirm the last three digits of the mobile number you expect the codes on?",
    selfFix: 'The "Try another way" link on the sign-in page sends the code by email instead. Got in and updated my number.',
  },

  // ───────────── Mobile ─────────────
  {
    category: 'mobile',
    tags: ['number-porting', 'sim'],
    titles: ['Moving my number to Brightwave Mobile: how long does it take?', 'Port-in rejected, "details don\'t match"', 'Kept my old number but texts go missing', 'Can I port a business number to a personal plan?'],
    bodies: [
      "I've got my Brightwave SIM and requested to port my number {since}. It still says **Port pending**. My old network says they haven't heard anything.",
      "Since porting my number, calls work but texts from some people never arrive, especially from iPhones.",
    ],
    fixes: [
      "A port normally completes within one working day. After that it has usually been rejected because the details don't match: bill-pay numbers need the account number, prepay ones don't. Re-submit it from **My Account > Mobile > Port my number** choosing the right type.",
      "Missing texts from iPhones after a port are iMessage: the sender's phone still thinks your number is on iMessage. If you had an iPhone before, deregister the number at **selfsolve.apple.com/deregister-imessage** and the texts arrive as normal SMS.",
    ],
    guesses: ['Takes a week usually, be patient.', 'Restart the phone a few times.'],
    staffAnswers: [
      "Hi, the port was rejected by your old network because of a mismatch in the account type. I've resubmitted it; it will complete within two hours and you'll get a text. Restart the phone afterwards.",
    ],
    staffAsks: 'Could you tell us the number you are porting and whether it was prepay or bill-pay with the old network?',
    selfFix: "Resubmitted it as a prepay port from My Account and it went through in an hour. I'd picked bill-pay by mistake.",
  },
  {
    category: 'mobile',
    tags: ['roaming', 'travel'],
    titles: ['Does my plan include roaming in the UK?', 'No data abroad even with roaming on', 'Roaming in the US: what does it cost?', 'Fair use limit on EU roaming data'],
    bodies: [
      "Going to {country} next week. Does my Brightwave Mobile plan cover data there, or do I need an add-on?",
      'Landed in {country} and I have signal, calls work, but no mobile data at all. Data roaming is switched on in the phone.',
    ],
    fixes: [
      'EU and UK roaming is included on every plan, with a fair-use limit shown in **My Account > Mobile > Allowances** (about 30GB on the Unlimited plan). Outside the EU you need the Travel Pass (€3/day in most countries), added in the app before you go.',
      "No data abroad with signal is nearly always the APN: check **Settings > Mobile network > Access point names** and make sure `brightwave` is selected. Some phones reset it after an update. If that's right, switch network manually (**Network operators > Search**) and pick another local network.",
    ],
    guesses: ['Turn the phone off and on again in the airport.', 'You need to ring them to activate roaming.'],
    staffAnswers: [
      "Hi, roaming had been barred on your line after a failed payment earlier in the year and never lifted. I've removed the bar; restart your phone and data will work within a few minutes. I've also refunded the Travel Pass days you couldn't use.",
    ],
    staffAsks: 'Could you tell us which local network the phone is connected to and what the APN setting shows?',
    selfFix: 'APN had reset after an iOS update. Selected brightwave again and data came straight on.',
  },
  {
    category: 'mobile',
    tags: ['signal', 'coverage', '5g'],
    titles: ['No signal at home {since}', '5G icon shows but speeds are awful', 'Calls drop on the drive to work', 'Weak indoor signal, is there a booster?'],
    bodies: [
      "Signal at home has been one bar or none {since}. It used to be fine. Neighbours on other networks have no issues.",
      "The 5G icon shows up but speed tests give me 3–5Mbps, slower than 4G used to be.",
    ],
    fixes: [
      "Check the coverage map in the app for planned works near you (**Help > Network status**): a mast being upgraded drops the signal for a few weeks. For indoor signal, turn on **Wi-Fi Calling**: it's included on every plan and calls go over your broadband.",
      'A 5G icon with poor speeds usually means the phone is on the low-band 5G layer at the edge of a cell. Set the preferred network to **4G/LTE** for now (**Settings > Mobile network > Preferred network type**); you will usually get far better speeds until the local mast gets its upgrade.',
    ],
    guesses: ['Get a signal booster from Amazon.', 'Probably your phone, mine is fine in the same area.'],
    staffAnswers: [
      "Hi, the mast that serves your area had a hardware fault that our monitoring missed. Engineers replaced it this morning and the signal should be back to normal. I've added a month's credit to your account for the trouble.",
    ],
    staffAsks: 'Could you tell us your Eircode (postcode) and the phone model, so we can check the mast and the bands it uses?',
    selfFix: 'Turned on Wi-Fi Calling as suggested in the app and calls at home are perfect now.',
  },
  {
    category: 'mobile',
    tags: ['data', 'allowance', 'hotspot'],
    titles: ['Data running out much faster {since}', 'Can I use my phone as a hotspot for my laptop?', 'Unused data: does it roll over?', 'Add-on data not showing in the app'],
    bodies: [
      "I've gone through my 30GB in ten days this month, and I haven't changed how I use the phone.",
      'Can I tether my laptop to my phone on the 20GB plan, or is hotspot use blocked?',
    ],
    fixes: [
      "Check **Settings > Mobile data** on the phone for the app that used it: after a phone update, photo backup often switches to 'use mobile data'. Turn off mobile data for Photos/Google Photos and auto-play of videos in social apps.",
      'Hotspot is allowed on every plan and counts against your normal data. There is no separate limit; just watch for laptop updates, which can use several GB in one go.',
    ],
    guesses: ['Might be a bug in their counter.', 'Hotspot is blocked I think.'],
    staffAnswers: [
      "Hi, a fault in our data counting double-counted some usage last month. I've corrected your allowance and added a free 10GB add-on for this month.",
    ],
    staffAsks: 'Could you tell us the dates when the data went quickly and the phone model?',
    selfFix: 'It was iCloud photo backup over mobile data after I changed phone. Turned it off, usage is back to normal.',
  },
  {
    category: 'mobile',
    tags: ['esim', 'phone', 'sim'],
    titles: ['How do I switch from a physical SIM to eSIM?', 'New phone: how do I move my eSIM?', 'Lost my phone: how do I block the SIM?', 'Second SIM for a smartwatch?'],
    bodies: [
      "Just got a new phone and I'd like to switch to eSIM so I can keep a second SIM for work. How do I get the eSIM QR code?",
      'I lost my phone on the train this morning. How do I block the SIM and keep my number on a new one?',
    ],
    fixes: [
      "**My Account > Mobile > Switch to eSIM** gives you a QR code straight away. Scan it on the new phone (Settings > Mobile > Add eSIM); the physical SIM stops working a few minutes after the eSIM activates. Do it on Wi-Fi.",
      "Block the SIM straight away in the app (**Mobile > Lost or stolen**); that also blocks the phone's IMEI if you choose it. Then order a replacement SIM or eSIM on the same page: the number moves to it and the old SIM is dead.",
    ],
    guesses: ['You have to go to a shop for eSIM.', 'Ring the phone company that sold you the phone.'],
    staffAnswers: [
      "Hi, I've blocked the lost SIM and the phone's IMEI, and sent a replacement eSIM QR code to your email. Your number and allowances move over as soon as you scan it.",
    ],
    staffAsks: 'Could you confirm the last four digits of the number on the account and the phone model?',
    selfFix: 'Found it in the app under Mobile > Switch to eSIM; took two minutes on Wi-Fi.',
  },
];

/** Countries for the roaming topic's `{country}`. */
export const COUNTRIES = ['Spain', 'the US', 'Portugal', 'Canada', 'France', 'Croatia', 'Turkey'];
