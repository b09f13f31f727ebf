/** Blind spots: hexagons with many events outside 5-minute reach of an on-duty unit. */
const zh = {
  layer: '盲区（5分钟外）',
  months: '统计月数',
  monthsN: '近{n}个月',
  loading: '加载中…',
  legend: {
    title: '{size}米六边形 · 5分钟外事件≥{min}起',
    definition: '{size}米六边形，至少{min}起事件不在值守单元5分钟可达范围内',
  },
  method: {
    speed: '直线距离近似（本数据库无路网）',
    network: '按路网可达范围计算（pgRouting）',
  },
  list: {
    show: '盲区排名（前{n}）',
    title: '盲区排名',
    row: '{uncovered}起在外 / 共{events}起（{share}%）',
    none: '没有达到阈值的盲区',
  },
}

export default zh
