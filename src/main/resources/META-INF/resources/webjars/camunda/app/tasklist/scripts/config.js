// review-cascade: Tasklist's configuration, replacing the webapp's default one.
import { locales, appNamed, dateFormat } from '../../review-cascade-language.js';

export default {
  // Vietnamese by default, English on request (see review-cascade-language.js).
  locales,
  // The name in the header, on the login page and in the browser tab ("Camunda Tasklist" otherwise).
  app: appNamed('tasklist'),
  // Dates as 07/12/2026 08:44 in Vietnamese (see review-cascade-language.js).
  dateFormat,
  // The words no translation file reaches (review-cascade-words.js), people by full name, the forms of the
  // approval tasks (see /forms/task.html), and a count beside every filter (Tasklist counts only the open one).
  customScripts: ['../review-cascade-words.js', '../review-cascade-people.js', 'scripts/review-cascade-forms.js',
    'scripts/review-cascade-filter-counts.js'],
  shortcuts: {
    claimTask: { key: 'ctrl+alt+c', description: 'nhận việc đang chọn' },
    focusFilter: { key: 'ctrl+shift+f', description: 'chuyển đến bộ lọc đầu tiên' },
    focusList: { key: 'ctrl+alt+l', description: 'chuyển đến việc đầu tiên trong danh sách' },
    focusForm: { key: 'ctrl+alt+f', description: 'chuyển đến ô nhập đầu tiên của biểu mẫu' },
    startProcess: { key: 'ctrl+alt+p', description: 'mở hộp khởi động quy trình' }
  }
};
