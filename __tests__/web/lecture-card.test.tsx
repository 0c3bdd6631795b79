import { fireEvent, render, screen } from '@testing-library/react'
import LectureCard from '../../src/components/LectureCard'
import type { LectureSummary } from '../../src/shared/contract'

const lecture: LectureSummary = {
  id: 'l1',
  title: '田间地头话振兴',
  theme: 'field',
  lecturerName: '赵大田',
  hostOrgName: '南湾村党支部',
  startAt: '2025-12-01T08:00:00+08:00',
  endAt: '2025-12-01T09:30:00+08:00',
  address: '南湾村东头晒谷场',
  capacity: 30,
  seatsLeft: 3,
  hours: 1,
  status: 'published',
}

describe('LectureCard', () => {
  it('has a displayName', () => {
    expect(LectureCard.displayName).toBe('LectureCard')
  })

  it('shows the theme tag, title, people, time, place, seats and hours', () => {
    render(<LectureCard lecture={lecture} />)
    for (const text of [
      '田坎党课',
      '田间地头话振兴',
      '赵大田',
      '南湾村党支部',
      '12月1日 周一 08:00–09:30',
      '南湾村东头晒谷场',
      '余 3 席',
      '1 学时',
    ]) {
      expect(screen.getByText(text)).toBeInTheDocument()
    }
  })

  it('says 已满 when no seat is left, and can hide the theme tag', () => {
    const { container } = render(<LectureCard lecture={{ ...lecture, seatsLeft: 0 }} showTheme={false} />)
    expect(screen.getByText('已满')).toBeInTheDocument()
    expect(screen.queryByText('田坎党课')).not.toBeInTheDocument()
    expect(container.firstChild).toHaveClass('lecture-card', 'lecture-card--full')
  })

  it('tells its onClick which lecture was tapped', () => {
    const onClick = jest.fn()
    render(<LectureCard lecture={lecture} onClick={onClick} />)
    fireEvent.click(screen.getByText('田间地头话振兴'))
    expect(onClick).toHaveBeenCalledWith(lecture)
  })
})
