#!/usr/bin/env python3
"""Simulates stopping rules for a cell's rounds and the coverage of its 95% t-interval (needs numpy, scipy).

Modes: A = plan from a pilot, interval over pilot and measured rounds, met by plan; Areal = the same,
met by the realized width; B = the pilot only plans, the interval is over the measured rounds alone
(what ThreadBench does). Prints (coverage of all cells, share met, coverage of the met cells, mean rounds).
"""
import numpy as np
from scipy import stats
rng=np.random.default_rng(2)
h=np.log(1.03)
def draw(k,sd,dist):
    if dist=='norm': return rng.normal(0,sd,k)
    if dist=='t3': return rng.standard_t(3,k)*sd/np.sqrt(3)
    if dist=='cont':
        x=rng.normal(0,sd,k); m=rng.random(k)<0.1; x[m]+=rng.normal(0,5*sd,m.sum()); return x
    if dist=='skew':
        x=rng.normal(0,sd,k); m=rng.random(k)<0.1; x[m]+=abs(rng.normal(0,5*sd,m.sum())); return x - 0  # true mean shifted
def truth(sd,dist):
    return {'skew': 0.1*5*sd*np.sqrt(2/np.pi)}.get(dist,0.0)
def run(sd, mode, n0=5, nmin=5, nmax=20, dist='norm', reps=4000):
    cov=0; met=0; metcov=0; ns=[]
    mu=truth(sd,dist)
    for _ in range(reps):
        x=draw(n0,sd,dist); s0=x.std(ddof=1)
        # planned n: smallest n with t_{n-1} s0/sqrt(n) <= h
        need=nmax+1
        for n in range(nmin, nmax+1):
            if stats.t.ppf(.975,n-1)*s0/np.sqrt(n)<=h: need=n; break
        planned_met = need<=nmax
        n=min(need,nmax)
        if mode=='A':
            x=np.concatenate([x,draw(max(0,n-n0),sd,dist)]); y=x
            mt=planned_met
        elif mode=='Areal':
            x=np.concatenate([x,draw(max(0,n-n0),sd,dist)]); y=x
            mt=None
        elif mode=='B':
            y=draw(n,sd,dist); mt=planned_met
        w=stats.t.ppf(.975,len(y)-1)*y.std(ddof=1)/np.sqrt(len(y))
        if mt is None: mt = np.sinh(w)<=0.03
        c=abs(y.mean()-mu)<=w; cov+=c; ns.append(len(y)+ (n0 if mode=='B' else 0))
        if mt: met+=1; metcov+=c
    return round(cov/reps,3), round(met/reps,3), round(metcov/met,3) if met else None, np.mean(ns)
for dist in ['norm','t3','cont','skew']:
  for sd in [0.01,0.02,0.04,0.06,0.1]:
    print(dist, sd, 'A', run(sd,'A',dist=dist), 'Areal', run(sd,'Areal',dist=dist), 'B', run(sd,'B',dist=dist))
