/* mapgen: every word of the interface, in English and Russian. */
(function () {
  "use strict";

  window.MapgenI18n = {
    en: {
      year: "Year", play: "Play", pause: "Pause", back: "One year back", forward: "One year forward",
      former: "Show former (removed, closed, renamed)", active: "in place", formerStatus: "former",
      sources: "Sources", names: "Names", events: "Events", prisoners: "Prisoners (yearly count)",
      today: "today", precision: "Location precision", place: "Place", kind: "Kind", erectedBy: "Erected by",
      uncertain: "uncertain", approximate: "approximate", notYet: "not yet there",
      slider: "Year shown on the map", ussr: "USSR border, 1953–1991", here: "features here — choose one",
      about: "About this map", close: "Close", version: "Data version", features: "features",
      licence: "Data and licence", cited: "Most cited sites", cite: "Cite this view", copy: "Copy",
      copied: "Copied", viewOf: "view of",
      base: "Base map: Natural Earth (public domain); tiles © OpenStreetMap contributors.",
      legend: "Legend", legendActive: "in place in this year", legendFormer: "former (ended before this year)",
      legendRenamed: "renamed in this year", chart: "Features in place per year; click to choose a year",
      search: "Search names", searchLabel: "Search by any name a place bore", noResults: "Nothing found",
      compare: "Compare years", compareFrom: "From year", compareTo: "To year", compareRun: "Compare",
      list: "List", listTitle: "On the map in", changedIn: "Changed in", nothingChanged: "No change this year.",
      renamedVerb: "renamed", language: "Русский", languageCode: "ru",
      startedIn: "appeared", endedIn: "ended", bore: "bore this name"
    },
    ru: {
      year: "Год", play: "Пуск", pause: "Пауза", back: "На год назад", forward: "На год вперёд",
      former: "Показывать бывшие (снесённые, закрытые, переименованные)", active: "существует",
      formerStatus: "бывший", sources: "Источники", names: "Названия", events: "События",
      prisoners: "Заключённые (по годам)", today: "сегодня", precision: "Точность места", place: "Место",
      kind: "Тип", erectedBy: "Установил", uncertain: "неточно", approximate: "приблизительно",
      notYet: "ещё нет", slider: "Год, показанный на карте", ussr: "Граница СССР, 1953–1991",
      here: "объектов здесь — выберите", about: "Об этой карте", close: "Закрыть", version: "Версия данных",
      features: "объектов", licence: "Данные и лицензия", cited: "Чаще всего цитируемые сайты",
      cite: "Как цитировать этот вид", copy: "Копировать", copied: "Скопировано", viewOf: "вид на",
      base: "Основа: Natural Earth (общественное достояние); тайлы © участники OpenStreetMap.",
      legend: "Легенда", legendActive: "существует в этом году", legendFormer: "бывший (до этого года)",
      legendRenamed: "переименован в этом году", chart: "Число объектов по годам; щёлкните, чтобы выбрать год",
      search: "Поиск по названиям", searchLabel: "Поиск по любому названию, которое носило место",
      noResults: "Ничего не найдено", compare: "Сравнить годы", compareFrom: "С года", compareTo: "По год",
      compareRun: "Сравнить", list: "Список", listTitle: "На карте в", changedIn: "Изменения в",
      nothingChanged: "В этом году изменений нет.", renamedVerb: "переименовано", language: "English",
      languageCode: "en", startedIn: "появилось", endedIn: "исчезло", bore: "носило это название"
    }
  };
})();
