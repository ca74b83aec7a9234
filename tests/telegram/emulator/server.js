#!/usr/bin/env node
// Start telegram-test-api on localhost, with the gaps our adapter needs fixed.
// Usage: node server.js PORT   (prints "READY <port>" once listening)
//
// Gaps of telegram-test-api 4.2.1 fixed here:
//  1. getMe has no is_bot (python-telegram-bot 22 requires it).
//  2. Messages the bot sends come back with `date` in milliseconds, no `from`, and
//     chat type always "private"; updates lack `date` unless the client sent one.
//  3. Callback query updates drop `chat_instance` (required by PTB).
//  4. getUpdates ignores `offset` and `timeout` (no long polling) and never answers
//     409 Conflict when a second consumer polls or a webhook is set.
//  5. Webhook calls carry no X-Telegram-Bot-Api-Secret-Token header (and an unreachable
//     webhook crashes the process with an unhandled rejection).
//  6. editMessageText / editMessageReplyMarkup return null, and removing a keyboard
//     (no reply_markup) is not recorded.
//  7. answerCallbackQuery is not recorded; setMyCommands, sendPhoto, sendDocument,
//     getMyCommands, deleteMyCommands, sendChatAction are missing.
//  8. Groups have no members: getChatMemberCount and getChatAdministrators are missing.
//     Here a group's members are who the emulator has seen in it (senders, new_chat_members
//     minus left_chat_member), the bot included; the first person seen is the creator.
//     Tests can set the members and administrators outright (/control/members), e.g. a
//     third person who joined before the bot and never speaks.
// Added for tests: /control/* endpoints (raw updates, fault injection, what the bot did).
'use strict';

const path = require('path');
const express = require(path.join(__dirname, 'node_modules', 'express'));
const axios = require(path.join(__dirname, 'node_modules', 'axios'));
const routesIndex = require(path.join(__dirname, 'node_modules', 'telegram-test-api', 'lib', 'routes', 'index'));
const TelegramServer = require(path.join(__dirname, 'node_modules', 'telegram-test-api'));

const port = Number(process.argv[2] || process.env.PORT || 9000);
const BOT = { id: 666, is_bot: true, first_name: 'Backbone Test', username: 'BackboneTestBot',
  can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false };

const nowSeconds = () => Math.floor(Date.now() / 1000);
const perToken = (map, token, make) => { if (!map.has(token)) map.set(token, make()); return map.get(token); };

const answers = new Map();   // token -> [{callback_query_id, text}]
const commands = new Map();  // token -> {scopeType: [{command, description}]}
const faults = new Map();    // token -> [{method, chat_id, code, retry_after, times, description}]
const edits = new Map();     // token -> [{method, chat_id, message_id, removed}]
const polls = new Map();     // token -> {res, timer} the held getUpdates
const calls = new Map();     // token -> [{method, chat_id, at}]
const groups = new Map();    // token -> Map(chat id -> {users: Map(user id -> user), admins: [user id]})

let server;

function chatFor(chatId) {
  const id = Number(chatId);
  if (id < 0) return { id, type: 'group', title: 'Test group' };
  return { id, type: 'private', first_name: 'Test' };
}

function fault(token, method, chatId) {
  const list = faults.get(token) || [];
  const i = list.findIndex((f) => f.method === method && (f.chat_id === undefined || String(f.chat_id) === String(chatId)));
  if (i < 0) return null;
  const f = list[i];
  f.times -= 1;
  if (f.times <= 0) list.splice(i, 1);
  return f;
}

function sendFault(res, f) {
  const body = { ok: false, error_code: f.code, description: f.description || `Error ${f.code}` };
  if (f.code === 429) body.parameters = { retry_after: f.retry_after || 1 };
  res.status(f.code).json(body);
}

function groupOf(token, chatId, create) {
  const chats = perToken(groups, token, () => new Map());
  const key = String(chatId);
  if (!chats.has(key) && create) chats.set(key, { users: new Map(), admins: [] });
  return chats.get(key);
}

function observe(update) {
  // Who is in a group, as far as the emulator can tell from what users sent.
  const raw = update.raw || {};
  const msg = raw.message || update.message || (update.callbackQuery && update.callbackQuery.message)
    || (raw.callback_query && raw.callback_query.message);
  if (!msg || !msg.chat || !(Number(msg.chat.id) < 0) || msg.chat.type === 'channel') return;
  const g = groupOf(update.botToken, msg.chat.id, true);
  const from = (update.callbackQuery && update.callbackQuery.from) || (raw.callback_query && raw.callback_query.from) || msg.from;
  const add = (u) => {
    if (!u || u.id === undefined) return;
    g.users.set(String(u.id), u);
    if (!g.admins.length && !u.is_bot) g.admins.push(String(u.id));
  };
  add(from);
  (msg.new_chat_members || []).forEach(add);
  if (msg.left_chat_member) g.users.delete(String(msg.left_chat_member.id));
}

const ADMIN_RIGHTS = { can_be_edited: false, is_anonymous: false, can_manage_chat: true, can_delete_messages: false,
  can_manage_video_chats: false, can_restrict_members: false, can_promote_members: false, can_change_info: false,
  can_invite_users: true, can_post_stories: false, can_edit_stories: false, can_delete_stories: false,
  can_pin_messages: false };

function record(token, method, chatId) {
  perToken(calls, token, () => []).push({ method, chat_id: chatId, at: Date.now() / 1000 });
}

function botMessage(token, payload) {
  // Store through the emulator (so its client API sees it), then return a proper Message.
  const msg = server.addBotMessage(payload, token);
  return { ...msg, date: nowSeconds(), from: BOT, chat: chatFor(payload.chat_id) };
}

// A tiny multipart/form-data reader: enough for PTB's sendPhoto / sendDocument.
function parseMultipart(req) {
  const type = req.headers['content-type'] || '';
  const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(type);
  if (!m || !Buffer.isBuffer(req.body)) return req.body || {};
  const boundary = Buffer.from('--' + (m[1] || m[2]));
  const fields = {};
  let start = req.body.indexOf(boundary);
  while (start >= 0) {
    const next = req.body.indexOf(boundary, start + boundary.length);
    if (next < 0) break;
    const part = req.body.slice(start + boundary.length + 2, next - 2);
    const sep = part.indexOf('\r\n\r\n');
    if (sep >= 0) {
      const head = part.slice(0, sep).toString('utf8');
      const body = part.slice(sep + 4);
      const name = /name="([^"]*)"/.exec(head);
      const filename = /filename="([^"]*)"/.exec(head);
      if (name) fields[name[1]] = filename ? { filename: filename[1], size: body.length } : body.toString('utf8');
    }
    start = next;
  }
  return fields;
}

function formatUpdate(update) {
  if (update.raw) return { update_id: update.updateId, ...update.raw };
  if ('callbackQuery' in update) {
    const q = update.callbackQuery;
    const message = { date: nowSeconds(), ...(q.message || {}) };
    return { update_id: update.updateId, callback_query: {
      id: String(update.callbackId), from: q.from, message, data: q.data,
      chat_instance: q.chat_instance || String(message.chat ? message.chat.id : 0),
    } };
  }
  const { botToken, ...message } = update.message;
  return { update_id: update.updateId, message: { date: nowSeconds(), ...message, message_id: update.messageId } };
}
TelegramServer.formatUpdate = formatUpdate;

const myRoutes = (app) => {
  const bot = (name, handler, parser) => {
    const chain = parser ? [parser] : [];
    app.all(`/bot:token/${name}`, ...chain, (req, res) => {
      const body = name === 'sendPhoto' || name === 'sendDocument' ? parseMultipart(req) : { ...req.query, ...req.body };
      const f = fault(req.params.token, name, body.chat_id);
      record(req.params.token, name, body.chat_id);
      if (f) { sendFault(res, f); return; }
      handler(req, res, body);
    });
  };
  bot('getMe', (req, res) => res.json({ ok: true, result: BOT }));
  bot('getUpdates', (req, res, body) => {
    const token = req.params.token;
    if (server.webhooks[token]) {
      res.status(409).json({ ok: false, error_code: 409,
        description: "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first" });
      return;
    }
    const old = polls.get(token);
    if (old) {
      clearTimeout(old.timer);
      polls.delete(token);
      old.res.status(409).json({ ok: false, error_code: 409,
        description: 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running' });
    }
    const offset = Number(body.offset || 0);
    const limit = Math.min(100, Number(body.limit || 100));
    if (offset > 0) {
      server.storage.userMessages = server.storage.userMessages.filter(
        (u) => u.botToken !== token || u.updateId >= offset);
    }
    const timeout = Math.min(50, Number(body.timeout || 0));
    const deadline = Date.now() + timeout * 1000;
    const entry = { res, timer: null };
    polls.set(token, entry);
    const check = () => {
      if (polls.get(token) !== entry) return;
      const ready = server.storage.userMessages.filter((u) => u.botToken === token).slice(0, limit);
      if (ready.length || Date.now() >= deadline) {
        polls.delete(token);
        res.json({ ok: true, result: ready.map(formatUpdate) });
        return;
      }
      entry.timer = setTimeout(check, 25);
    };
    res.on('close', () => { if (polls.get(token) === entry && !res.writableEnded) { clearTimeout(entry.timer); polls.delete(token); } });
    check();
  });
  bot('sendMessage', (req, res, body) => res.json({ ok: true, result: botMessage(req.params.token, body) }));
  const file = (kind) => (req, res, body) => {
    const info = body[kind] && typeof body[kind] === 'object' ? body[kind] : { filename: String(body[kind] || ''), size: 0 };
    const payload = { chat_id: body.chat_id, caption: body.caption, [kind]: info };
    const result = botMessage(req.params.token, payload);
    result[kind] = kind === 'photo' ? [{ file_id: 'p' + result.message_id, file_unique_id: 'u' + result.message_id, width: 1, height: 1 }]
      : { file_id: 'd' + result.message_id, file_unique_id: 'u' + result.message_id, file_name: info.filename };
    res.json({ ok: true, result });
  };
  const raw = express.raw({ type: () => true, limit: '50mb' });
  bot('sendPhoto', file('photo'), raw);
  bot('sendDocument', file('document'), raw);
  const edit = (name) => (req, res, body) => {
    const token = req.params.token;
    const stored = server.storage.botMessages.find((u) => String(u.messageId) === String(body.message_id)
      && String(u.message.chat_id) === String(body.chat_id));
    if (!stored) {
      res.status(400).json({ ok: false, error_code: 400, description: 'Bad Request: message to edit not found' });
      return;
    }
    const markup = typeof body.reply_markup === 'string' ? JSON.parse(body.reply_markup) : body.reply_markup;
    if (name === 'editMessageText') stored.message.text = body.text;
    stored.message.reply_markup = markup && markup.inline_keyboard && markup.inline_keyboard.length ? markup : undefined;
    perToken(edits, token, () => []).push({ method: name, chat_id: Number(body.chat_id),
      message_id: Number(body.message_id), removed: !stored.message.reply_markup });
    res.json({ ok: true, result: true });
  };
  bot('editMessageText', edit('editMessageText'));
  bot('editMessageReplyMarkup', edit('editMessageReplyMarkup'));
  bot('answerCallbackQuery', (req, res, body) => {
    perToken(answers, req.params.token, () => []).push({ callback_query_id: String(body.callback_query_id), text: body.text || null });
    res.json({ ok: true, result: true });
  });
  bot('setMyCommands', (req, res, body) => {
    const scope = typeof body.scope === 'string' ? JSON.parse(body.scope) : (body.scope || { type: 'default' });
    const list = typeof body.commands === 'string' ? JSON.parse(body.commands) : body.commands;
    perToken(commands, req.params.token, () => ({}))[scope.type] = list;
    res.json({ ok: true, result: true });
  });
  bot('getMyCommands', (req, res) => res.json({ ok: true, result: (commands.get(req.params.token) || {}).default || [] }));
  bot('deleteMyCommands', (req, res) => { commands.delete(req.params.token); res.json({ ok: true, result: true }); });
  bot('sendChatAction', (req, res) => res.json({ ok: true, result: true }));
  const chatNotFound = (res) => res.status(400).json({ ok: false, error_code: 400, description: 'Bad Request: chat not found' });
  bot('getChatMemberCount', (req, res, body) => {
    const g = groupOf(req.params.token, body.chat_id, false);
    if (!g) { chatNotFound(res); return; }
    res.json({ ok: true, result: g.users.size + (g.users.has(String(BOT.id)) ? 0 : 1) });
  });
  bot('getChatAdministrators', (req, res, body) => {
    const g = groupOf(req.params.token, body.chat_id, false);
    if (!g) { chatNotFound(res); return; }
    const result = g.admins.filter((id) => g.users.has(id) || id === String(BOT.id)).map((id, i) => {
      const user = id === String(BOT.id) ? BOT : g.users.get(id);
      return i === 0 && !user.is_bot ? { status: 'creator', user, is_anonymous: false }
        : { status: 'administrator', user, ...ADMIN_RIGHTS };
    });
    res.json({ ok: true, result });
  });

  // --- control API for tests ---
  app.post('/control/rawUpdate', (req, res) => {
    const { token, update } = req.body;
    server.addUserUpdate({ ...server.getCommonFields(token), raw: update }).then(
      () => res.json({ ok: true }), (e) => res.status(500).json({ ok: false, description: String(e) }));
  });
  app.post('/control/members', (req, res) => {
    // {token, chat_id, members: [user], admins: [user id]}: replaces what the emulator saw.
    const { token, chat_id: chatId, members, admins } = req.body;
    const g = groupOf(token, chatId, true);
    if (members) g.users = new Map(members.map((u) => [String(u.id), u]));
    if (admins) g.admins = admins.map(String);
    res.json({ ok: true });
  });
  app.post('/control/fault', (req, res) => {
    const { token, ...f } = req.body;
    perToken(faults, token, () => []).push({ times: 1, ...f });
    res.json({ ok: true });
  });
  app.post('/control/state', (req, res) => {
    const { token } = req.body;
    const messages = server.storage.botMessages.filter((u) => u.botToken === token).map((u) => ({
      message_id: u.messageId, chat_id: Number(u.message.chat_id), text: u.message.text,
      caption: u.message.caption, parse_mode: u.message.parse_mode || null, photo: u.message.photo, document: u.message.document,
      reply_markup: u.message.reply_markup || null,
    }));
    res.json({ ok: true, messages, answers: answers.get(token) || [], commands: commands.get(token) || {},
      edits: edits.get(token) || [], calls: calls.get(token) || [], webhook: server.webhooks[token] || null,
      pending: server.storage.userMessages.filter((u) => u.botToken === token).length });
  });
};

// Webhook delivery with the secret token header, never crashing on a failed call.
TelegramServer.prototype.addUserUpdate = async function addUserUpdate(update) {
  observe(update);
  const webhook = this.webhooks[update.botToken];
  this.updateId++;
  if (!webhook) {
    this.storage.userMessages.push(update);
    return;
  }
  const headers = { 'Content-Type': 'application/json' };
  if (webhook.secret_token) headers['X-Telegram-Bot-Api-Secret-Token'] = webhook.secret_token;
  try {
    await axios({ url: webhook.url, method: 'POST', data: JSON.stringify(formatUpdate(update)), headers,
      validateStatus: () => true, timeout: 10000 });
  } catch (e) {
    process.stderr.write(`webhook call failed: ${e.message}\n`);
  }
};

routesIndex.routes.unshift(myRoutes);
server = new TelegramServer({ port, host: '127.0.0.1', storeTimeout: 3600 });
server.start().then(() => { process.stdout.write(`READY ${port}\n`); });
const stop = () => server.stop().finally(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.on('unhandledRejection', (e) => process.stderr.write(`unhandled: ${e}\n`));
